import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { isValidTimeZone, localDate } from "../domain/dates";
import { normalizeEmail } from "../domain/email-address";
import { AppError } from "../domain/errors";
import { hashPassword, passwordProblem, spendVerifyTime, verifyPassword } from "../server/passwords";
import { queueVerificationMail } from "./email-verification";
import { queueMail } from "./internal/mail-outbox";
import type { Viewer } from "./viewer";

export { normalizeEmail } from "../domain/email-address";

export async function createUserWithPassword(input: {
  name: string;
  email: string;
  password: string;
  /** The browser's zone, when it told us; streaks and pace count days there. */
  timeZone?: string | undefined;
}): Promise<Viewer> {
  const email = normalizeEmail(input.email);
  const problem = passwordProblem(input.password, { email });
  if (problem) throw new AppError("INVALID_INPUT", problem, { password: [problem] });
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  const created = await getDb().transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        name: input.name.trim(),
        email,
        passwordHash,
        timeZone: input.timeZone && isValidTimeZone(input.timeZone) ? input.timeZone : "UTC",
      })
      .onConflictDoNothing()
      .returning({ id: users.id, name: users.name, email: users.email });
    if (!created) return null;
    // The account works at once; the mail lets its owner prove the address when they get to it.
    await queueVerificationMail(tx, { userId: created.id, name: created.name, email: created.email, now });
    return created;
  });
  if (created) return created;
  // Written on its own, after the failed insert's transaction: the refusal below must not take it back.
  await tellOwnerOfSignUpAttempt(email, now);
  const message = "An account with this email already exists. Sign in instead.";
  throw new AppError("CONFLICT", message, { email: [message] });
}

/**
 * Someone tried to sign up with an address that has an account: its owner hears of it, at most
 * once a day (the dedupe key names the day), and only at a confirmed address, like every mail but
 * the links to confirm or reset.
 */
async function tellOwnerOfSignUpAttempt(email: string, now: Date): Promise<void> {
  const [owner] = await getDb()
    .select({ id: users.id, name: users.name, email: users.email, verified: users.emailVerified })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  if (!owner?.verified) return;
  await queueMail(getDb(), {
    dedupeKey: `sign-up-attempt:${owner.id}:${localDate(now, "UTC")}`,
    userId: owner.id,
    to: owner.email,
    kind: "sign_up_attempt",
    payload: { name: owner.name },
  });
}

/** The account a sign-in names, with its stored hash (null for an account that only used OAuth). */
async function accountByEmail(email: string) {
  const [user] = await getDb()
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalizeEmail(email)));
  return user;
}

/** The stored hash of the account with this email, or null: what a device cookie is bound to. */
export async function currentPasswordHash(email: string): Promise<string | null> {
  return (await accountByEmail(email))?.passwordHash ?? null;
}

/** The user for a sign-in attempt, or null; the time taken does not tell which part was wrong. */
export async function verifyCredentials(input: { email: string; password: string }): Promise<Viewer | null> {
  const user = await accountByEmail(input.email);
  if (!user?.passwordHash) {
    await spendVerifyTime(input.password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return null;
  return { id: user.id, name: user.name, email: user.email };
}
