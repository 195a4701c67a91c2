import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { createUserWithPassword, verifyCredentials } from "@/lib/data/users";
import { AppError } from "@/lib/domain/errors";
import { createLearner, TEST_PASSWORD, uniqueEmail } from "./helpers";

describe("accounts", () => {
  it("stores an argon2id hash, never the password itself", async () => {
    const email = uniqueEmail();
    const created = await createUserWithPassword({ name: "Ada", email, password: TEST_PASSWORD });
    const [row] = await getDb().select().from(users).where(eq(users.id, created.id));
    // PHC string: $argon2id$v=19$<params>$<salt>$<hash>, with OWASP's parameters in any order.
    const [, algorithm, version, params] = row!.passwordHash!.split("$");
    expect([algorithm, version]).toEqual(["argon2id", "v=19"]);
    expect(params!.split(",").sort()).toEqual(["m=19456", "p=1", "t=2"]);
    expect(row?.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it("refuses a second account for the same email, whatever its case", async () => {
    const email = uniqueEmail();
    await createUserWithPassword({ name: "First", email, password: TEST_PASSWORD });
    const second = createUserWithPassword({ name: "Second", email: email.toUpperCase(), password: TEST_PASSWORD });
    await expect(second).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already exists/) });
  });

  it("refuses a common password with a message for the field", async () => {
    const attempt = createUserWithPassword({ name: "Weak", email: uniqueEmail(), password: "password123" });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { password: [expect.stringMatching(/common/)] },
    });
  });

  it("signs in with the right password and an email typed in another case", async () => {
    const learner = await createLearner("Grace");
    const user = await verifyCredentials({ email: `  ${learner.email.toUpperCase()} `, password: TEST_PASSWORD });
    expect(user).toEqual({ id: learner.id, name: "Grace", email: learner.email });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const learner = await createLearner();
    expect(await verifyCredentials({ email: learner.email, password: "not the password" })).toBeNull();
    expect(await verifyCredentials({ email: uniqueEmail("nobody"), password: TEST_PASSWORD })).toBeNull();
  });
});
