/**
 * Abuse limits, counted in the database so they hold across app servers. Every limit is
 * temporary (no lockout an attacker could impose for good), and the ones on an account are
 * keyed by a hash of the email typed, whether or not it has an account.
 */
export type RateLimitRule = { name: string; limit: number; windowSeconds: number; message: string };

/**
 * A limit that slows rather than stops: the first attempts are free, then each one must wait
 * twice as long after the last as the one before, up to a ceiling; a quiet spell starts over.
 * Attempts refused while waiting are not counted, so a flood cannot push the wait further.
 */
export type BackoffRule = {
  name: string;
  freeAttempts: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  quietResetSeconds: number;
  message: string;
};

/**
 * Password guesses at one email from browsers that have never signed in to it. A browser
 * that has (lib/server/device-cookie.ts) is counted on its own instead, so its owner gets in
 * whatever a flood does to this one.
 */
export const SIGN_IN_BACKOFF = {
  name: "sign-in:account",
  freeAttempts: 5,
  firstDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
  quietResetSeconds: 60 * 60,
  message: "Too many sign-in attempts for this email address.",
} as const satisfies BackoffRule;

/** How long the next attempt must wait after the last of `attempts` counted ones. */
export function backoffDelaySeconds(rule: BackoffRule, attempts: number): number {
  if (attempts < rule.freeAttempts) return 0;
  return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** (attempts - rule.freeAttempts));
}

/** Every distinct wait, by the number of attempts counted (index 0 is one attempt): the last one lasts. */
export function backoffDelays(rule: BackoffRule): number[] {
  const delays: number[] = [];
  for (let attempts = 1; delays.at(-1) !== rule.maxDelaySeconds; attempts++) {
    delays.push(backoffDelaySeconds(rule, attempts));
  }
  return delays;
}

export const RATE_LIMITS = {
  signInPerIp: {
    name: "sign-in:ip",
    limit: 30,
    windowSeconds: 5 * 60,
    message: "Too many sign-in attempts from your network.",
  },
  /** A browser that has signed in to the account before: limited on its own (OWASP's device lockout). */
  signInPerDevice: {
    name: "sign-in:device",
    limit: 10,
    windowSeconds: 15 * 60,
    message: "Too many sign-in attempts from this browser.",
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
  /** Mails with a link to confirm an address (sent again, or to a new one): each lands in someone's mailbox. */
  verificationMailPerAccount: {
    name: "verify-mail:account",
    limit: 5,
    windowSeconds: 60 * 60,
    message: "We've sent several links already.",
  },
  importPerAccount: { name: "import:account", limit: 10, windowSeconds: 60 * 60, message: "Too many imports." },
  passwordResetRequestPerIp: {
    name: "password-reset:ip",
    limit: 20,
    windowSeconds: 60 * 60,
    message: "Too many password reset requests from your network.",
  },
  /**
   * Reset mails to one address, whether or not an account has it. Over the limit the request
   * answers as usual and mails nothing, so the limit says nothing about the address. It cannot
   * keep the owner from resetting: every request it let through mailed the owner a link, and the
   * window (fixed from its first request) is no longer than a link lives, so while requests are
   * refused the owner's inbox holds a link that still works. It also caps what a flood of
   * requests can put in that inbox.
   */
  passwordResetRequestPerEmail: {
    name: "password-reset:email",
    limit: 3,
    windowSeconds: 15 * 60,
    message: "Too many password reset requests for this email address.",
  },
  /** Setting a new password with a link: each attempt with a live link costs a password hash. */
  passwordResetPerIp: {
    name: "password-reset-set:ip",
    limit: 30,
    windowSeconds: 15 * 60,
    message: "Too many attempts to set a new password from your network.",
  },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitCount = { windowStartedAt: Date; hits: number };

/** Seconds until the window that counted this hit ends, or null while the hit is within the limit. */
export function secondsUntilAllowed(rule: RateLimitRule, count: RateLimitCount, now: Date): number | null {
  if (count.hits <= rule.limit) return null;
  const endsAt = count.windowStartedAt.getTime() + rule.windowSeconds * 1000;
  return Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000));
}

/** "Try again in 4 minutes.": rounded up, so waiting that long always works. */
export function retryAfterMessage(rule: Pick<RateLimitRule, "message">, seconds: number): string {
  const wait =
    seconds < 60
      ? `${seconds} second${seconds === 1 ? "" : "s"}`
      : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? "" : "s"}`;
  return `${rule.message} Try again in ${wait}.`;
}
