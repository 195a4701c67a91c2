import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, spendVerifyTime, verifyPassword } from "@/lib/server/passwords";

describe("passwordProblem", () => {
  it("refuses a password shorter than 8 characters and says so", () => {
    const problem = passwordProblem("s3cr3t!");
    expect(problem).not.toBeNull();
    expect(problem).toContain("8");
  });

  it("accepts a sound password of exactly 8 characters", () => {
    expect(passwordProblem("tq7#Vmz2")).toBeNull();
  });

  it("welcomes long passphrases of 64 and even 200 characters", () => {
    expect(passwordProblem("a-long-and-memorable-passphrase-".repeat(2))).toBeNull();
    expect(passwordProblem("x9!".repeat(66) + "ab")).toBeNull();
  });

  it("refuses a password over 256 characters", () => {
    expect(passwordProblem("k".repeat(257))).toMatch(/256/);
    expect(passwordProblem("kz".repeat(128))).toBeNull();
  });

  it.each(["password", "PASSWORD", "12345678", "iloveyou"])("refuses the common password %s", (password) => {
    expect(passwordProblem(password)).toMatch(/common/i);
  });

  it("refuses using the email address as the password, whatever the case", () => {
    expect(passwordProblem("Ada@Example.com", { email: "ada@example.com" })).toMatch(/email/i);
  });

  it("accepts a password that merely contains the email", () => {
    expect(passwordProblem("ada@example.com!!", { email: "ada@example.com" })).toBeNull();
  });

  it("counts characters, not UTF-16 units, so 8 emoji are long enough and 7 are not", () => {
    expect(passwordProblem("🔒🐙🌵🎲🚀🧭🍋🦉")).toBeNull();
    // 7 emoji are 14 UTF-16 units but still too short.
    expect(passwordProblem("🔒🐙🌵🎲🚀🧭🍋")).toContain("8");
  });
});

describe("hashing", () => {
  it("stores an argon2id hash with OWASP's parameters and without the password", async () => {
    const hash = await hashPassword("tq7#Vmz2-horse");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    // PHC string: $argon2id$v=19$<params>$<salt>$<hash>; the library may order the params freely.
    const params = Object.fromEntries(
      hash
        .split("$")[3]!
        .split(",")
        .map((pair) => pair.split("=")),
    );
    expect(params).toEqual({ m: "19456", t: "2", p: "1" });
    expect(hash).not.toContain("tq7#Vmz2-horse");
  });

  it("signs in with the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("tq7#Vmz2-horse");
    await expect(verifyPassword(hash, "tq7#Vmz2-horse")).resolves.toBe(true);
    await expect(verifyPassword(hash, "tq7#Vmz2-Horse")).resolves.toBe(false);
  });

  it("still signs in with a hash the previous library (node-argon2) stored", async () => {
    const stored = "$argon2id$v=19$m=19456,p=1,t=2$8kM5yWZ22m8i4IVDiUeYsw$GqS9xSEQMX0xUzJOSU1UKCi8GKmKtWDrIIGHL51FVCg";
    await expect(verifyPassword(stored, "correct horse battery staple")).resolves.toBe(true);
    await expect(verifyPassword(stored, "correct horse battery stapler")).resolves.toBe(false);
    // Its own defaults before OWASP's parameters were set: 64 MiB, 3 iterations, 4 lanes.
    const older = "$argon2id$v=19$m=65536,p=4,t=3$7gFaP6zgV7aJNZRghU+6RA$fdNcnSwmkrwbhEYX9LVbe96n5VpGQ8R6HiLCEdvE3+w";
    await expect(verifyPassword(older, "correct horse battery staple")).resolves.toBe(true);
  });

  it("refuses rather than crashes when the stored hash is garbage", async () => {
    await expect(verifyPassword("not-a-hash", "whatever-123")).resolves.toBe(false);
  });

  it("spends verify time for unknown accounts and always refuses", async () => {
    await expect(spendVerifyTime("tq7#Vmz2-horse")).resolves.toBe(false);
    await expect(spendVerifyTime("another-guess-1")).resolves.toBe(false);
  });
});
