import { describe, expect, it } from "vitest";
import { rememberDevice, trustedDeviceId } from "@/lib/server/device-cookie";

const secret = "a-secret-of-at-least-thirty-two-characters";

describe("device cookies", () => {
  it("trust a browser no more once the account's password has changed", () => {
    const cookie = rememberDevice(undefined, "ada@example.test\u0000$argon2id$old", secret);
    expect(trustedDeviceId(cookie, "ada@example.test\u0000$argon2id$old", secret)).not.toBeNull();
    expect(trustedDeviceId(cookie, "ada@example.test\u0000$argon2id$new", secret)).toBeNull();
  });

  it("trust a browser for the account it signed in to, and for no other", () => {
    const cookie = rememberDevice(undefined, "ada@example.test", secret);
    expect(trustedDeviceId(cookie, "ada@example.test", secret)).toMatch(/^[\w-]{22}$/);
    expect(trustedDeviceId(cookie, "grace@example.test", secret)).toBeNull();
    expect(trustedDeviceId(undefined, "ada@example.test", secret)).toBeNull();
  });

  it("name no account, and can't be made or moved without the secret", () => {
    const cookie = rememberDevice(undefined, "ada@example.test", secret);
    expect(cookie).not.toContain("ada");
    expect(trustedDeviceId(cookie, "ada@example.test", "another-secret-of-thirty-two-characters!")).toBeNull();
    const [nonce, mac] = cookie.split(".");
    const forged = `${nonce!.slice(0, -1)}${nonce!.endsWith("A") ? "B" : "A"}.${mac}`;
    expect(trustedDeviceId(forged, "ada@example.test", secret)).toBeNull();
    expect(trustedDeviceId("garbage~;;~..", "ada@example.test", secret)).toBeNull();
  });

  it("remember a few accounts per browser, the latest first, and renew an account's entry", () => {
    let cookie: string | undefined;
    const emails = Array.from({ length: 7 }, (_, index) => `person${index}@example.test`);
    for (const email of emails) cookie = rememberDevice(cookie, email, secret);
    expect(emails.filter((email) => trustedDeviceId(cookie, email, secret))).toEqual(emails.slice(2));
    const before = trustedDeviceId(cookie, "person3@example.test", secret);
    cookie = rememberDevice(cookie, "person3@example.test", secret);
    expect(trustedDeviceId(cookie, "person3@example.test", secret)).not.toBe(before);
    expect(cookie.split("~")).toHaveLength(5);
    expect(trustedDeviceId(cookie, "person6@example.test", secret)).not.toBeNull();
  });
});
