import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { accounts, userSessions, users } from "../../db/schema";
import { PASSWORD_RESET_MINUTES, type AccountLinkProblem } from "../domain/account-links";
import {
  checkAccountToken,
  issueAccountToken,
  retireAddressChangeLinks,
  spendAccountToken,
  spendOtherAccountTokens,
} from "./account-tokens";
import { queueMail } from "./internal/mail-outbox";
import { hashPassword, passwordProblem } from "../server/passwords";
import { normalizeEmail } from "./users";

/*
 * "Forgot password?": system functions, with no viewer, since whoever asks is signed out. Whether
 * an account has the address typed is never told: the request answers the same either way, and
 * only the mailbox learns anything.
 */

const PASSWORD_RESET_MS = PASSWORD_RESET_MINUTES * 60_000;

/**
 * Mails a reset link to the account with this address, if there is one; else does nothing.
 * Both cases run one transaction that looks the address up, so neither does visibly different
 * database work before answering; the action also holds every answer to the same minimum time
 * (lib/server/uniform-duration.ts), which hides the two inserts a known address costs.
 */
export async function requestPasswordReset({ email, now = new Date() }: { email: string; now?: Date }): Promise<{
  mailed: boolean;
}> {
  return getDb().transaction(async (tx) => {
    const [account] = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(eq(sql`lower(${users.email})`, normalizeEmail(email)));
    if (!account) return { mailed: false };
    const link = await issueAccountToken(tx, {
      userId: account.id,
      purpose: "password_reset",
      email: account.email,
      lifetimeMs: PASSWORD_RESET_MS,
      now,
    });
    await queueMail(tx, {
      dedupeKey: `reset:${link.id}`,
      userId: account.id,
      to: account.email,
      kind: "password_reset",
      payload: { token: link.token, name: account.name },
    });
    return { mailed: true };
  });
}

export type PasswordResetLinkCheck = { ok: true; email: string } | { ok: false; problem: AccountLinkProblem };

/**
 * What a reset link is worth now, spending nothing: the page says so before asking for a
 * password. A link mailed to an address the account has since left opens nothing.
 */
export async function checkPasswordResetLink({
  token,
  now = new Date(),
}: {
  token: unknown;
  now?: Date;
}): Promise<PasswordResetLinkCheck> {
  const check = await checkAccountToken(getDb(), { token, purpose: "password_reset", now });
  if (!check.ok) return check;
  const [account] = await getDb().select({ email: users.email }).from(users).where(eq(users.id, check.userId));
  return account && normalizeEmail(account.email) === normalizeEmail(check.email)
    ? { ok: true, email: account.email }
    : { ok: false, problem: "invalid" };
}

export type PasswordResetResult =
  | { ok: true; email: string }
  | { ok: false; problem: AccountLinkProblem }
  | { ok: false; problem: "weak"; message: string };

/**
 * Sets a new password with a reset link, which it spends. The link is checked first without a
 * lock, so a forged or spent one costs no password hash; the transaction then spends it under a
 * row lock (of two submissions, one wins), stores the hash, retires the account's other reset
 * links and deletes every session row, which ends every session. A refused password leaves the
 * link as it was.
 */
export async function resetPassword({
  token,
  newPassword,
  now = new Date(),
}: {
  token: unknown;
  newPassword: string;
  now?: Date;
}): Promise<PasswordResetResult> {
  const link = await checkPasswordResetLink({ token, now });
  if (!link.ok) return link;
  const problem = passwordProblem(newPassword, { email: link.email });
  if (problem) return { ok: false, problem: "weak", message: problem };

  const passwordHash = await hashPassword(newPassword);
  return getDb().transaction(async (tx): Promise<PasswordResetResult> => {
    const spent = await spendAccountToken(tx, { token, purpose: "password_reset", now });
    if (!spent.ok) return spent;
    // Checked again under the row's lock: an address change that landed since the page opened wins.
    const [account] = await tx
      .select({ email: users.email, verified: users.emailVerified })
      .from(users)
      .where(eq(users.id, spent.userId))
      .for("update");
    if (!account || normalizeEmail(account.email) !== normalizeEmail(spent.email)) {
      return { ok: false, problem: "invalid" };
    }
    // The link proves the mailbox. On an address nobody had proved, a GitHub or Google sign-in
    // may have been linked by someone else with an unchecked address: it goes, or they would keep
    // a way into the account its owner is about to use.
    if (!account.verified) await tx.delete(accounts).where(eq(accounts.userId, spent.userId));
    await tx
      .update(users)
      .set({ passwordHash, emailVerified: account.verified ?? now })
      .where(eq(users.id, spent.userId));
    await spendOtherAccountTokens(tx, { userId: spent.userId, purpose: "password_reset", now });
    await retireAddressChangeLinks(tx, { userId: spent.userId, now });
    await tx.delete(userSessions).where(eq(userSessions.userId, spent.userId));
    return { ok: true, email: link.email };
  });
}
