import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Database, type Transaction } from "../../db/client";
import { users } from "../../db/schema";
import { VERIFY_EMAIL_HOURS } from "../domain/account-links";
import { checkAccountToken, issueAccountToken, spendAccountToken, type AccountTokenProblem } from "./account-tokens";
import { queueMail } from "./internal/mail-outbox";

/** Queues the mail with a link that proves this person reads this address (their own, or one they want to change to). */
export async function queueVerificationMail(
  db: Database | Transaction,
  input: { userId: string; name: string | null; email: string; now: Date },
): Promise<void> {
  const { id, token } = await issueAccountToken(db, {
    userId: input.userId,
    purpose: "verify_email",
    email: input.email,
    lifetimeMs: VERIFY_EMAIL_HOURS * 3_600_000,
    now: input.now,
  });
  await queueMail(db, {
    dedupeKey: `verify:${id}`,
    userId: input.userId,
    to: input.email,
    kind: "email_verification",
    payload: { token, name: input.name },
  });
}

export type ConfirmEmailResult = { ok: true; email: string } | { ok: false; problem: AccountTokenProblem };

/**
 * Spends a verification link: the account's address is marked verified if it is still the one
 * the link was sent to. Anyone holding the link may use it (it was mailed to that address), so
 * it needs no session.
 */
export async function confirmEmailWithToken(input: { token: unknown; now: Date }): Promise<ConfirmEmailResult> {
  return getDb().transaction(async (tx) => {
    const spent = await spendAccountToken(tx, { token: input.token, purpose: "verify_email", now: input.now });
    if (!spent.ok) return spent;
    const [user] = await tx
      .update(users)
      .set({ emailVerified: sql`coalesce(${users.emailVerified}, ${input.now.toISOString()}::timestamptz)` })
      .where(and(eq(users.id, spent.userId), eq(sql`lower(${users.email})`, spent.email.toLowerCase())))
      .returning({ email: users.email });
    // The account moved to another address since: this link proves nothing about the current one.
    if (!user) return { ok: false, problem: "used" };
    return { ok: true, email: user.email };
  });
}

/** Where a verification link stands, without spending it: the page says so before offering the button. */
export async function checkEmailVerificationLink(token: unknown, now: Date) {
  return checkAccountToken(getDb(), { token, purpose: "verify_email", now });
}
