import "server-only";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Database, type Transaction } from "../../db/client";
import { hasCode } from "../../db/query-errors";
import { verifyPassword } from "../server/passwords";
import { accountTokens, users } from "../../db/schema";
import { VERIFY_EMAIL_HOURS } from "../domain/account-links";
import { maskEmail, normalizeEmail } from "../domain/email-address";
import { AppError, type FieldErrors } from "../domain/errors";
import { RATE_LIMITS } from "../domain/rate-limit-rules";
import {
  checkAccountToken,
  issueAccountToken,
  spendAccountToken,
  spendOtherAccountTokens,
  type AccountTokenProblem,
} from "./account-tokens";
import { queueMail } from "./internal/mail-outbox";
import { limitAccountAction } from "./rate-limits";
import type { Viewer } from "./viewer";

/** Queues the mail with a link that proves this person reads this address (their own, or one they want to change to). */
export async function queueVerificationMail(
  db: Database | Transaction,
  input: {
    userId: string;
    name: string | null;
    email: string;
    now: Date;
    /** A new address the person asked to move to: the mail says the account keeps the old one until then. */
    change?: boolean;
  },
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
    payload: { token, name: input.name, change: input.change ?? false },
  });
}

/**
 * Sends the viewer a new link for their current address, a few times an hour at most (each
 * one lands in a mailbox). Earlier links keep working: the person may open any of them.
 */
export async function resendVerificationMail({
  viewer,
  now = new Date(),
}: {
  viewer: Viewer;
  now?: Date;
}): Promise<{ sent: boolean }> {
  await limitAccountAction(RATE_LIMITS.verificationMailPerAccount, viewer.id, now);
  return getDb().transaction(async (tx) => {
    const [user] = await tx
      .select({ name: users.name, email: users.email, verified: users.emailVerified })
      .from(users)
      .where(eq(users.id, viewer.id));
    if (!user || user.verified) return { sent: false };
    await queueVerificationMail(tx, { userId: viewer.id, name: user.name, email: user.email, now });
    return { sent: true };
  });
}

const UNIQUE_VIOLATION = new Set(["23505"]);

export type ConfirmEmailProblem = AccountTokenProblem | "taken";
export type ConfirmEmailResult = { ok: true; email: string } | { ok: false; problem: ConfirmEmailProblem };

/**
 * Spends a verification link. For the account's current address, it marks it verified. For
 * another address (a change the person asked for), it moves the account there, verified, unless
 * another account took that address meanwhile; the old address, if it was verified, is told.
 * Anyone holding the link may use it (it was mailed to that address), so it needs no session.
 */
export async function confirmEmailWithToken(input: { token: unknown; now: Date }): Promise<ConfirmEmailResult> {
  try {
    return await getDb().transaction(async (tx) => {
      const spent = await spendAccountToken(tx, { token: input.token, purpose: "verify_email", now: input.now });
      if (!spent.ok) return spent;
      const [user] = await tx
        .select({ name: users.name, email: users.email, verified: users.emailVerified })
        .from(users)
        .where(eq(users.id, spent.userId))
        .for("update");
      if (!user) return { ok: false, problem: "invalid" };
      if (user.email.toLowerCase() === spent.email.toLowerCase()) {
        await tx
          .update(users)
          .set({ emailVerified: sql`coalesce(${users.emailVerified}, ${input.now.toISOString()}::timestamptz)` })
          .where(eq(users.id, spent.userId));
        return { ok: true, email: user.email };
      }
      return moveToAddress(tx, {
        userId: spent.userId,
        user,
        newEmail: spent.email,
        tokenId: spent.id,
        now: input.now,
      });
    });
  } catch (error) {
    // Another account took the address between the check below and the write.
    if (hasCode(error, UNIQUE_VIOLATION)) return { ok: false, problem: "taken" };
    throw error;
  }
}

async function moveToAddress(
  tx: Transaction,
  input: {
    userId: string;
    user: { name: string | null; email: string; verified: Date | null };
    newEmail: string;
    tokenId: string;
    now: Date;
  },
): Promise<ConfirmEmailResult> {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, input.newEmail.toLowerCase()), ne(users.id, input.userId)));
  if (taken) return { ok: false, problem: "taken" };
  await tx.update(users).set({ email: input.newEmail, emailVerified: input.now }).where(eq(users.id, input.userId));
  // Every other link (to the old address, or to a change given up on) proves nothing about the new one.
  await spendOtherAccountTokens(tx, { userId: input.userId, purpose: "verify_email", now: input.now });
  // Reset links mailed to the old address: moving back to it later must not revive them.
  await spendOtherAccountTokens(tx, { userId: input.userId, purpose: "password_reset", now: input.now });
  // Only mail to verified addresses goes out, apart from links to verify or reset.
  if (input.user.verified) {
    await queueMail(tx, {
      dedupeKey: `email-changed:${input.tokenId}`,
      userId: input.userId,
      to: input.user.email,
      kind: "email_changed",
      payload: { name: input.user.name, newEmail: maskEmail(input.newEmail) },
    });
  }
  return { ok: true, email: input.newEmail };
}

/** Where a verification link stands, without spending it: the page says so before offering the button. */
export async function checkEmailVerificationLink(token: unknown, now: Date) {
  return checkAccountToken(getDb(), { token, purpose: "verify_email", now });
}

/** Links for a change of address still waiting: unused, unexpired, for an address other than the current one. */
function pendingChangeTokens(userId: string, currentEmail: string, now: Date) {
  return and(
    eq(accountTokens.userId, userId),
    eq(accountTokens.purpose, "verify_email"),
    isNull(accountTokens.usedAt),
    gt(accountTokens.expiresAt, now),
    ne(sql`lower(${accountTokens.email})`, currentEmail.toLowerCase()),
  );
}

export type EmailStatus = { email: string; verified: boolean; pendingEmail: string | null };

/** The viewer's address, whether it is confirmed, and the new one waiting to be confirmed, if any. */
export async function getEmailStatusForViewer({
  viewer,
  now = new Date(),
}: {
  viewer: Viewer;
  now?: Date;
}): Promise<EmailStatus> {
  const db = getDb();
  const [user] = await db
    .select({ email: users.email, verified: users.emailVerified })
    .from(users)
    .where(eq(users.id, viewer.id));
  if (!user) return { email: viewer.email, verified: false, pendingEmail: null };
  const [pending] = await db
    .select({ email: accountTokens.email })
    .from(accountTokens)
    .where(pendingChangeTokens(viewer.id, user.email, now))
    .orderBy(desc(accountTokens.createdAt))
    .limit(1);
  return { email: user.email, verified: user.verified !== null, pendingEmail: pending?.email ?? null };
}

/**
 * Starts a change of address: the new one gets a link, and the account keeps the old one until
 * it is used. Whether another account has the new address is not checked here, so the answer
 * says nothing about it; such a link fails plainly when used. A change still waiting is given up.
 */
export async function requestEmailChange({
  viewer,
  newEmail,
  password,
  now = new Date(),
}: {
  viewer: Viewer;
  newEmail: string;
  /** Checked for an account with a password; one that only uses GitHub or Google has none to give. */
  password?: string | undefined;
  now?: Date;
}): Promise<{ email: string }> {
  const email = normalizeEmail(newEmail);
  const [user] = await getDb()
    .select({ name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, viewer.id));
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  const fieldErrors: FieldErrors = {};
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, password ?? ""))) {
    fieldErrors.emailPassword = ["That isn't your password."];
  }
  if (email === user.email.toLowerCase()) fieldErrors.newEmail = ["That's already your address."];
  const first = Object.values(fieldErrors)[0]?.[0];
  if (first) throw new AppError("INVALID_INPUT", first, fieldErrors);

  await limitAccountAction(RATE_LIMITS.verificationMailPerAccount, viewer.id, now);
  await getDb().transaction(async (tx) => {
    await givenUpChange(tx, { userId: viewer.id, currentEmail: user.email, now });
    await queueVerificationMail(tx, { userId: viewer.id, name: user.name, email, now, change: true });
  });
  return { email };
}

/** Sends the link for the change of address waiting again; its earlier links keep working. */
export async function resendEmailChange({ viewer, now = new Date() }: { viewer: Viewer; now?: Date }) {
  await limitAccountAction(RATE_LIMITS.verificationMailPerAccount, viewer.id, now);
  return getDb().transaction(async (tx) => {
    const [user] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, viewer.id));
    const [pending] = user
      ? await tx
          .select({ email: accountTokens.email })
          .from(accountTokens)
          .where(pendingChangeTokens(viewer.id, user.email, now))
          .orderBy(desc(accountTokens.createdAt))
          .limit(1)
      : [];
    if (!user || !pending) throw new AppError("NOT_FOUND", "There is no change of address waiting any more.");
    await queueVerificationMail(tx, { userId: viewer.id, name: user.name, email: pending.email, now, change: true });
    return { email: pending.email };
  });
}

/** Gives up on the change of address waiting, if any: its links stop working. */
export async function cancelEmailChange({ viewer, now = new Date() }: { viewer: Viewer; now?: Date }) {
  await getDb().transaction(async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, viewer.id));
    if (user) await givenUpChange(tx, { userId: viewer.id, currentEmail: user.email, now });
  });
}

async function givenUpChange(tx: Transaction, input: { userId: string; currentEmail: string; now: Date }) {
  await tx
    .update(accountTokens)
    .set({ usedAt: input.now })
    .where(pendingChangeTokens(input.userId, input.currentEmail, input.now));
}
