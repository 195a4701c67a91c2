import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { excluded } from "../../db/excluded";
import { rateLimits } from "../../db/schema";
import { AppError } from "../domain/errors";
import {
  backoffDelays,
  RATE_LIMITS,
  retryAfterMessage,
  secondsUntilAllowed,
  SIGN_IN_BACKOFF,
  type BackoffRule,
  type RateLimitRule,
} from "../domain/rate-limit-rules";

export type RateLimitCheck = { rule: RateLimitRule; subject: string };

/** An account's emails and ids are kept out of the limits table: only a hash of them names a window. */
export function hashedSubject(value: string): string {
  return createHash("sha256").update(value.trim().toLowerCase()).digest("base64url");
}

/**
 * Counts one attempt against each limit, all in one statement, and refuses with
 * RATE_LIMITED, saying how long to wait, when any of them is over. Call it before any
 * costly work (a password hash) so a flood of attempts costs one small write each.
 */
export async function takeRateLimits(checks: RateLimitCheck[], now = new Date()): Promise<void> {
  if (checks.length === 0) return;
  const expired = sql`${rateLimits.windowStartedAt} + make_interval(secs => ${excluded(rateLimits.windowSeconds)}) <= ${excluded(rateLimits.windowStartedAt)}`;
  const rows = await getDb()
    .insert(rateLimits)
    .values(
      checks.map(({ rule, subject }) => ({
        key: `${rule.name}:${subject}`,
        windowStartedAt: now,
        windowSeconds: rule.windowSeconds,
        hits: 1,
      })),
    )
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        windowStartedAt: sql`case when ${expired} then ${excluded(rateLimits.windowStartedAt)} else ${rateLimits.windowStartedAt} end`,
        windowSeconds: excluded(rateLimits.windowSeconds),
        hits: sql`case when ${expired} then 1 else ${rateLimits.hits} + 1 end`,
      },
    })
    .returning({ key: rateLimits.key, windowStartedAt: rateLimits.windowStartedAt, hits: rateLimits.hits });

  let refusal: { rule: RateLimitRule; seconds: number } | null = null;
  for (const { rule, subject } of checks) {
    const row = rows.find((candidate) => candidate.key === `${rule.name}:${subject}`);
    const seconds = row ? secondsUntilAllowed(rule, row, now) : null;
    if (seconds !== null && (refusal === null || seconds > refusal.seconds)) refusal = { rule, seconds };
  }
  if (refusal) {
    throw new AppError("RATE_LIMITED", retryAfterMessage(refusal.rule, refusal.seconds), undefined, refusal.seconds);
  }
}

/**
 * Counts one attempt under a backoff rule when its wait is over, in one statement: a row is
 * written (and returned) only when the attempt is allowed, so attempts made while waiting
 * change nothing. Refused, it says how long is left.
 */
export async function takeBackoff(rule: BackoffRule, subject: string, now = new Date()): Promise<void> {
  const key = `${rule.name}:${subject}`;
  const delays = backoffDelays(rule);
  // The row keeps its last attempt (window_started_at) for the quiet spell after it (window_seconds).
  const quiet = sql`${rateLimits.windowStartedAt} + make_interval(secs => ${rateLimits.windowSeconds}) <= ${excluded(rateLimits.windowStartedAt)}`;
  const waited = sql`${rateLimits.windowStartedAt} + make_interval(secs => (${`{${delays.join(",")}}`}::int[])[least(${rateLimits.hits}, ${delays.length})]) <= ${excluded(rateLimits.windowStartedAt)}`;
  const allowed = await getDb()
    .insert(rateLimits)
    .values({ key, windowStartedAt: now, windowSeconds: rule.quietResetSeconds, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        windowStartedAt: excluded(rateLimits.windowStartedAt),
        windowSeconds: excluded(rateLimits.windowSeconds),
        hits: sql`case when ${quiet} then 1 else ${rateLimits.hits} + 1 end`,
      },
      setWhere: sql`${quiet} or ${waited}`,
    })
    .returning({ hits: rateLimits.hits });
  if (allowed.length > 0) return;

  const [last] = await getDb()
    .select({ at: rateLimits.windowStartedAt, hits: rateLimits.hits })
    .from(rateLimits)
    .where(eq(rateLimits.key, key));
  const delay = last ? delays[Math.min(last.hits, delays.length) - 1]! : 0;
  const seconds = last ? Math.max(1, Math.ceil((last.at.getTime() + delay * 1000 - now.getTime()) / 1000)) : 1;
  throw new AppError("RATE_LIMITED", retryAfterMessage(rule, seconds), undefined, seconds);
}

/**
 * A password sign-in, counted before any password is checked. From a browser that has
 * signed in to this account before (its id from lib/server/device-cookie.ts), only that browser's
 * own attempts count; from any other, the address's and the email's, the email's with
 * growing waits, so a flood of guesses slows strangers without locking the owner out.
 */
export async function limitSignInAttempt(
  { ip, email, trustedDevice }: { ip: string; email: string; trustedDevice: string | null },
  now = new Date(),
) {
  if (trustedDevice) {
    await takeRateLimits([{ rule: RATE_LIMITS.signInPerDevice, subject: hashedSubject(trustedDevice) }], now);
    return;
  }
  await takeRateLimits([{ rule: RATE_LIMITS.signInPerIp, subject: ip }], now);
  await takeBackoff(SIGN_IN_BACKOFF, hashedSubject(email), now);
}

/** One of the viewer's own limits: password checks, invite links, imports. */
export async function limitAccountAction(rule: RateLimitRule, userId: string, now = new Date()) {
  await takeRateLimits([{ rule, subject: hashedSubject(userId) }], now);
}

/**
 * A request for a reset link: refused when the client's address has asked too often; when the
 * email typed has, it goes on without mailing (see RATE_LIMITS.passwordResetRequestPerEmail),
 * so the answer is the same as ever. The address is counted first, so a refused flood does not
 * use up the email's allowance.
 */
export async function limitPasswordResetRequest(
  { ip, email }: { ip: string; email: string },
  now = new Date(),
): Promise<{ mayMail: boolean }> {
  await takeRateLimits([{ rule: RATE_LIMITS.passwordResetRequestPerIp, subject: ip }], now);
  try {
    await takeRateLimits([{ rule: RATE_LIMITS.passwordResetRequestPerEmail, subject: hashedSubject(email) }], now);
    return { mayMail: true };
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") return { mayMail: false };
    throw error;
  }
}
