import { describe, expect, it } from "vitest";
import { RATE_LIMITS, retryAfterMessage, secondsUntilAllowed } from "@/lib/rate-limit";

const rule = RATE_LIMITS.signInPerAccount;
const start = new Date("2026-11-22T10:00:00Z");

describe("a rate limit's window", () => {
  it("allows hits up to the limit and refuses the next until the window ends", () => {
    expect(secondsUntilAllowed(rule, { windowStartedAt: start, hits: rule.limit }, start)).toBeNull();
    const oneMinuteIn = new Date(start.getTime() + 60_000);
    expect(secondsUntilAllowed(rule, { windowStartedAt: start, hits: rule.limit + 1 }, oneMinuteIn)).toBe(
      rule.windowSeconds - 60,
    );
  });

  it("never asks to wait less than a second", () => {
    const atTheEnd = new Date(start.getTime() + rule.windowSeconds * 1000);
    expect(secondsUntilAllowed(rule, { windowStartedAt: start, hits: rule.limit + 5 }, atTheEnd)).toBe(1);
  });

  it("says how long to wait, rounded up", () => {
    expect(retryAfterMessage(rule, 1)).toBe("Too many sign-in attempts for this email address. Try again in 1 second.");
    expect(retryAfterMessage(rule, 61)).toBe(
      "Too many sign-in attempts for this email address. Try again in 2 minutes.",
    );
    expect(retryAfterMessage(rule, 60)).toMatch(/in 1 minute\.$/);
  });
});
