import { afterEach, describe, expect, it, vi } from "vitest";

// argon2 replaced by a hash that waits until released, to see how many run at once.
const running = { now: 0, most: 0 };
const pending: (() => void)[] = [];
vi.mock("@node-rs/argon2", () => {
  const slowHash = () =>
    new Promise<boolean>((resolve) => {
      running.now++;
      running.most = Math.max(running.most, running.now);
      pending.push(() => {
        running.now--;
        resolve(false);
      });
    });
  return { hash: slowHash, verify: slowHash };
});

const { assertPasswordHashingAvailable, verifyPassword } = await import("@/lib/server/passwords");

async function releaseAll() {
  while (pending.length > 0) {
    pending.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

afterEach(releaseAll);

describe("password hashing under a flood", () => {
  it("runs at most two hashes at once, whatever the number of sign-ins", async () => {
    const checks = Array.from({ length: 20 }, () => verifyPassword("hash", "guess"));
    await new Promise((resolve) => setImmediate(resolve));
    expect(running.now).toBe(2);
    await releaseAll();
    expect(await Promise.all(checks)).toEqual(Array(20).fill(false));
    expect(running.most).toBe(2);
  });

  it("refuses new sign-ins while the queue is long, saying to come back in a few seconds", async () => {
    const checks = Array.from({ length: 40 }, () => verifyPassword("hash", "guess"));
    await new Promise((resolve) => setImmediate(resolve));
    expect(() => assertPasswordHashingAvailable()).toThrow(/busy right now/);
    await releaseAll();
    await Promise.all(checks);
    expect(() => assertPasswordHashingAvailable()).not.toThrow();
  });
});
