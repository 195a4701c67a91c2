import { describe, expect, it } from "vitest";
import {
  backoffDelays,
  backoffDelaySeconds,
  RATE_LIMITS,
  retryAfterMessage,
  secondsUntilAllowed,
  SIGN_IN_BACKOFF,
} from "@/lib/domain/rate-limit-rules";

const rule = RATE_LIMITS.signInPerDevice;
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
    expect(retryAfterMessage(rule, 1)).toBe("Too many sign-in attempts from this browser. Try again in 1 second.");
    expect(retryAfterMessage(SIGN_IN_BACKOFF, 61)).toBe(
      "Too many sign-in attempts for this email address. Try again in 2 minutes.",
    );
    expect(retryAfterMessage(rule, 60)).toMatch(/in 1 minute\.$/);
  });
});

describe("a backoff's waits", () => {
  it("lets the first attempts through at once, then doubles the wait up to its ceiling", () => {
    const waits = Array.from({ length: 20 }, (_, index) => backoffDelaySeconds(SIGN_IN_BACKOFF, index + 1));
    expect(waits.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(waits.slice(4, 9)).toEqual([1, 2, 4, 8, 16]);
    expect(Math.max(...waits)).toBe(15 * 60);
    expect(waits.at(-1)).toBe(15 * 60);
  });

  it("lists every distinct wait, ending on the ceiling", () => {
    const delays = backoffDelays(SIGN_IN_BACKOFF);
    expect(delays.at(-1)).toBe(SIGN_IN_BACKOFF.maxDelaySeconds);
    delays.forEach((delay, index) => expect(delay).toBe(backoffDelaySeconds(SIGN_IN_BACKOFF, index + 1)));
  });

  it("allows a few hundred guesses a day at most, however fast they come", () => {
    // Every attempt made the moment its wait is over, for a day.
    let elapsed = 0;
    let attempts = 0;
    while (elapsed < 24 * 60 * 60) {
      attempts++;
      elapsed += backoffDelaySeconds(SIGN_IN_BACKOFF, attempts);
      if (backoffDelaySeconds(SIGN_IN_BACKOFF, attempts) === 0) elapsed += 0.001;
    }
    expect(attempts).toBeLessThan(110);
  });
});
