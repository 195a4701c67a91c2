import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { rateLimits } from "../../db/schema";
import { AppError } from "../errors";
import { RATE_LIMITS, retryAfterMessage, secondsUntilAllowed, type RateLimitRule } from "../rate-limit";

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
  const expired = sql`${rateLimits.windowStartedAt} + make_interval(secs => excluded.window_seconds) <= excluded.window_started_at`;
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
        windowStartedAt: sql`case when ${expired} then excluded.window_started_at else ${rateLimits.windowStartedAt} end`,
        windowSeconds: sql`excluded.window_seconds`,
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

/** A password sign-in, counted per address and per email typed, before any password is checked. */
export async function limitSignInAttempt({ ip, email }: { ip: string; email: string }, now = new Date()) {
  await takeRateLimits(
    [
      { rule: RATE_LIMITS.signInPerIp, subject: ip },
      { rule: RATE_LIMITS.signInPerAccount, subject: hashedSubject(email) },
    ],
    now,
  );
}

/** One of the viewer's own limits: password checks, invite links, imports. */
export async function limitAccountAction(rule: RateLimitRule, userId: string, now = new Date()) {
  await takeRateLimits([{ rule, subject: hashedSubject(userId) }], now);
}
