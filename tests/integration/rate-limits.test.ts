import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabaseHandle, getDb } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { rateLimits } from "@/db/schema";
import { hashedSubject, takeRateLimits } from "@/lib/data/rate-limits";
import { RATE_LIMITS, type RateLimitRule } from "@/lib/rate-limit";
import { AppError } from "@/lib/errors";

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
    await takeRateLimits([{ rule: RATE_LIMITS.signInPerAccount, subject: hashedSubject(email) }], start);
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
    await prepareDatabase(getDatabaseHandle());
    expect(await getDb().select().from(rateLimits).where(eq(rateLimits.key, stale))).toEqual([]);
    expect(await getDb().select().from(rateLimits).where(eq(rateLimits.key, current))).toHaveLength(1);
  });
});
