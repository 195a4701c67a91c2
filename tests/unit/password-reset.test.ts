import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emailField } from "@/lib/domain/email-address";
import { PASSWORD_RESET_LINK_PROBLEMS, PASSWORD_RESET_MINUTES } from "@/lib/domain/account-links";
import { RATE_LIMITS, secondsUntilAllowed } from "@/lib/domain/rate-limit-rules";
import { takingAtLeast } from "@/lib/server/uniform-duration";

describe("the per-email limit on reset requests", () => {
  const rule = RATE_LIMITS.passwordResetRequestPerEmail;

  it("never outlasts a link, so while it refuses, the owner's inbox holds a link that still works", () => {
    const linkLifetimeSeconds = PASSWORD_RESET_MINUTES * 60;
    expect(rule.windowSeconds).toBeLessThanOrEqual(linkLifetimeSeconds);
    // The first request of a window mailed a link; whenever a later one is refused, that link is still live.
    const windowStart = new Date("2026-06-01T12:00:00Z");
    for (let second = 0; second < rule.windowSeconds; second += 30) {
      const now = new Date(windowStart.getTime() + second * 1000);
      const wait = secondsUntilAllowed(rule, { windowStartedAt: windowStart, hits: rule.limit + 1 }, now);
      expect(wait).not.toBeNull();
      expect(second + wait!).toBeLessThanOrEqual(linkLifetimeSeconds);
    }
  });
});

describe("what a dead reset link says", () => {
  it("names the problem and offers a new link in every case, the lifetime when it expired", () => {
    for (const { title, detail } of Object.values(PASSWORD_RESET_LINK_PROBLEMS)) {
      expect(title).toMatch(/^This reset link /);
      expect(detail).toMatch(/new one\.$/);
    }
    expect(PASSWORD_RESET_LINK_PROBLEMS.expired.detail).toContain(`${PASSWORD_RESET_MINUTES} minutes`);
  });
});

describe("the email field of the account forms", () => {
  it("trims the address and says plainly what is wrong with a bad one", () => {
    expect(emailField().parse("  rosa@example.com ")).toBe("rosa@example.com");
    expect(emailField().safeParse("").error?.issues[0]?.message).toBe("Enter your email address.");
    expect(emailField().safeParse("rosa").error?.issues[0]?.message).toBe(
      "Enter a valid email address, like name@example.com.",
    );
    expect(emailField().safeParse(`${"a".repeat(250)}@example.com`).success).toBe(false);
  });
});

describe("answering no sooner than a set time", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Whether the promise has settled once the clock has moved on by `ms`. */
  async function settledAfter(answer: Promise<unknown>, ms: number): Promise<boolean> {
    let settled = false;
    answer.then(
      () => (settled = true),
      () => (settled = true),
    );
    await vi.advanceTimersByTimeAsync(ms);
    return settled;
  }

  it("holds a quick answer back to the time", async () => {
    const answer = takingAtLeast(60, async () => "quick");
    expect(await settledAfter(answer, 59)).toBe(false);
    expect(await settledAfter(answer, 1)).toBe(true);
    expect(await answer).toBe("quick");
  });

  it("passes a slow one through without more delay", async () => {
    const answer = takingAtLeast(10, () => new Promise((resolve) => setTimeout(() => resolve("slow"), 80)));
    expect(await settledAfter(answer, 79)).toBe(false);
    expect(await settledAfter(answer, 1)).toBe(true);
  });

  it("holds a failure back just as long, then throws it", async () => {
    const answer = takingAtLeast(60, async () => {
      throw new Error("refused");
    });
    expect(await settledAfter(answer, 59)).toBe(false);
    expect(await settledAfter(answer, 1)).toBe(true);
    await expect(answer).rejects.toThrow("refused");
  });
});
