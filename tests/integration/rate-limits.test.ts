import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabaseHandle, getDb } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { rateLimits } from "@/db/schema";
import { hashedSubject, limitSignInAttempt, takeBackoff, takeRateLimits } from "@/lib/data/rate-limits";
import { RATE_LIMITS, SIGN_IN_BACKOFF, type BackoffRule, type RateLimitRule } from "@/lib/domain/rate-limit-rules";
import { AppError } from "@/lib/domain/errors";
import { sessionCutoffs } from "@/lib/domain/session-lifetimes";

const rule: RateLimitRule = { name: `test:${randomUUID()}`, limit: 3, windowSeconds: 60, message: "Slow down." };
const start = new Date("2026-11-22T10:00:00Z");
const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);

async function refusal(work: Promise<unknown>) {
  try {
    await work;
    return null;
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") return error;
    throw error;
  }
}

describe("rate limits kept in the database", () => {
  it("allows the limit, refuses the next attempt with how long to wait, and allows again after the window", async () => {
    const subject = randomUUID();
    for (let attempt = 0; attempt < rule.limit; attempt++) {
      await takeRateLimits([{ rule, subject }], later(attempt));
    }
    const refused = await refusal(takeRateLimits([{ rule, subject }], later(10)));
    expect(refused?.message).toBe("Slow down. Try again in 50 seconds.");
    expect(refused?.retryAfterSeconds).toBe(50);
    expect(await refusal(takeRateLimits([{ rule, subject }], later(60)))).toBeNull();
  });

  it("counts each subject and each rule apart, and refuses when any one of several is over", async () => {
    const [crowded, quiet] = [randomUUID(), randomUUID()];
    const other: RateLimitRule = { ...rule, name: `test:${randomUUID()}`, limit: 100 };
    for (let attempt = 0; attempt < rule.limit; attempt++) await takeRateLimits([{ rule, subject: crowded }], start);
    expect(await refusal(takeRateLimits([{ rule, subject: quiet }], start))).toBeNull();
    expect(await refusal(takeRateLimits([{ rule: other, subject: crowded }], start))).toBeNull();
    const refused = await refusal(
      takeRateLimits(
        [
          { rule: other, subject: quiet },
          { rule, subject: crowded },
        ],
        start,
      ),
    );
    expect(refused?.message).toMatch(/^Slow down\./);
  });

  it("lets exactly the limit through when attempts arrive at once", async () => {
    const subject = randomUUID();
    const wide: RateLimitRule = { ...rule, name: `test:${randomUUID()}`, limit: 10 };
    const results = await Promise.all(
      Array.from({ length: 30 }, () => refusal(takeRateLimits([{ rule: wide, subject }], start))),
    );
    expect(results.filter((result) => result === null)).toHaveLength(10);
  });

  it("keeps no email address or account id in the table", async () => {
    const email = `Someone-${randomUUID()}@Example.test`;
    await limitSignInAttempt({ ip: "203.0.113.7", email, trustedDevice: null }, start);
    const keys = (await getDb().select({ key: rateLimits.key }).from(rateLimits)).map((row) => row.key);
    expect(keys.some((key) => key.toLowerCase().includes(email.toLowerCase()))).toBe(false);
    expect(hashedSubject(email)).toBe(hashedSubject(` ${email.toLowerCase()} `));
  });

  it("sweeps windows older than a day when the app starts, and keeps current ones", async () => {
    const [stale, current] = [`test:${randomUUID()}`, `test:${randomUUID()}`];
    const dayAndMinuteAgo = new Date(Date.now() - (24 * 60 + 1) * 60 * 1000);
    await getDb()
      .insert(rateLimits)
      .values([
        { key: stale, windowStartedAt: dayAndMinuteAgo, windowSeconds: 60, hits: 3 },
        { key: current, windowStartedAt: new Date(), windowSeconds: 60, hits: 3 },
      ]);
    await prepareDatabase(getDatabaseHandle(), sessionCutoffs(new Date()));
    expect(await getDb().select().from(rateLimits).where(eq(rateLimits.key, stale))).toEqual([]);
    expect(await getDb().select().from(rateLimits).where(eq(rateLimits.key, current))).toHaveLength(1);
  });
});

describe("sign-in attempts", () => {
  const backoff: BackoffRule = { ...SIGN_IN_BACKOFF, name: `test:${randomUUID()}` };

  it("lets the free attempts through, then makes each wait twice as long, counting no refused attempt", async () => {
    const subject = randomUUID();
    for (let attempt = 0; attempt < backoff.freeAttempts; attempt++) await takeBackoff(backoff, subject, start);
    // The fifth attempt asks for one second.
    expect((await refusal(takeBackoff(backoff, subject, start)))?.retryAfterSeconds).toBe(1);
    // A flood while waiting changes nothing.
    for (let attempt = 0; attempt < 20; attempt++) await refusal(takeBackoff(backoff, subject, start));
    expect(await refusal(takeBackoff(backoff, subject, later(1)))).toBeNull();
    const refused = await refusal(takeBackoff(backoff, subject, later(1)));
    expect(refused?.retryAfterSeconds).toBe(2);
    expect(refused?.message).toBe("Too many sign-in attempts for this email address. Try again in 2 seconds.");
    expect(await refusal(takeBackoff(backoff, subject, later(3)))).toBeNull();
    expect((await refusal(takeBackoff(backoff, subject, later(3))))?.retryAfterSeconds).toBe(4);
  });

  it("never asks more than the ceiling, and starts over after a quiet hour", async () => {
    const subject = randomUUID();
    let at = 0;
    const waits: number[] = [];
    while (waits.at(-1) !== backoff.maxDelaySeconds && waits.length < 100) {
      const refused = await refusal(takeBackoff(backoff, subject, later(at)));
      if (refused) {
        waits.push(refused.retryAfterSeconds!);
        at += refused.retryAfterSeconds!;
      }
    }
    expect(waits.slice(0, 3)).toEqual([1, 2, 4]);
    expect(Math.max(...waits)).toBe(backoff.maxDelaySeconds);
    expect(await refusal(takeBackoff(backoff, subject, later(at)))).toBeNull();
    expect((await refusal(takeBackoff(backoff, subject, later(at))))?.retryAfterSeconds).toBe(backoff.maxDelaySeconds);
    at += backoff.quietResetSeconds;
    for (let attempt = 0; attempt < backoff.freeAttempts; attempt++) {
      expect(await refusal(takeBackoff(backoff, subject, later(at)))).toBeNull();
    }
  });

  it("lets one attempt through when several arrive at once after a wait", async () => {
    const subject = randomUUID();
    for (let attempt = 0; attempt < backoff.freeAttempts; attempt++) await takeBackoff(backoff, subject, start);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => refusal(takeBackoff(backoff, subject, later(1)))),
    );
    expect(results.filter((result) => result === null)).toHaveLength(1);
  });

  it("counts a browser that signed in to the account before on its own: a flood on the email doesn't stop it", async () => {
    const email = `flooded-${randomUUID()}@example.test`;
    const device = randomUUID();
    for (let attempt = 0; attempt < 40; attempt++) {
      await refusal(limitSignInAttempt({ ip: `198.51.100.${attempt}`, email, trustedDevice: null }, start));
    }
    expect(
      await refusal(limitSignInAttempt({ ip: "198.51.100.250", email, trustedDevice: null }, start)),
    ).not.toBeNull();
    expect(await refusal(limitSignInAttempt({ ip: "198.51.100.1", email, trustedDevice: device }, start))).toBeNull();
    // That browser's own guesses are limited too.
    for (let attempt = 1; attempt < RATE_LIMITS.signInPerDevice.limit; attempt++) {
      await limitSignInAttempt({ ip: "198.51.100.1", email, trustedDevice: device }, start);
    }
    const refused = await refusal(limitSignInAttempt({ ip: "198.51.100.1", email, trustedDevice: device }, start));
    expect(refused?.message).toMatch(/^Too many sign-in attempts from this browser\./);
  });
});
