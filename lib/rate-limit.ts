/**
 * Abuse limits: fixed windows counted in the database, so they hold across app servers.
 * Every limit is temporary (no lockout an attacker could impose for good), and the ones on
 * an account are keyed by a hash of the email typed, whether or not it has an account.
 */
export type RateLimitRule = { name: string; limit: number; windowSeconds: number; message: string };

export const RATE_LIMITS = {
  signInPerIp: {
    name: "sign-in:ip",
    limit: 30,
    windowSeconds: 5 * 60,
    message: "Too many sign-in attempts from your network.",
  },
  signInPerAccount: {
    name: "sign-in:account",
    limit: 10,
    windowSeconds: 15 * 60,
    message: "Too many sign-in attempts for this email address.",
  },
  signUpPerIp: {
    name: "sign-up:ip",
    limit: 10,
    windowSeconds: 60 * 60,
    message: "Too many new accounts from your network.",
  },
  /** Changing the password and deleting the account both check the current one. */
  passwordCheckPerAccount: {
    name: "password-check:account",
    limit: 5,
    windowSeconds: 15 * 60,
    message: "Too many password attempts.",
  },
  inviteCreationPerAccount: {
    name: "invite:account",
    limit: 30,
    windowSeconds: 60 * 60,
    message: "Too many invite links made.",
  },
  importPerAccount: { name: "import:account", limit: 10, windowSeconds: 60 * 60, message: "Too many imports." },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitCount = { windowStartedAt: Date; hits: number };

/** Seconds until the window that counted this hit ends, or null while the hit is within the limit. */
export function secondsUntilAllowed(rule: RateLimitRule, count: RateLimitCount, now: Date): number | null {
  if (count.hits <= rule.limit) return null;
  const endsAt = count.windowStartedAt.getTime() + rule.windowSeconds * 1000;
  return Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000));
}

/** "Try again in 4 minutes.": rounded up, so waiting that long always works. */
export function retryAfterMessage(rule: RateLimitRule, seconds: number): string {
  const wait =
    seconds < 60
      ? `${seconds} second${seconds === 1 ? "" : "s"}`
      : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? "" : "s"}`;
  return `${rule.message} Try again in ${wait}.`;
}
