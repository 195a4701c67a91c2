import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { milestoneMessages, notifications, userSessions, users, verificationTokens } from "../../db/schema";
import { AppError, type FieldErrors } from "../domain/errors";
import { hashPassword, passwordProblem, verifyPassword } from "../server/passwords";
import { retireAddressChangeLinks } from "./account-tokens";
import { lockLearner } from "./internal/learner-lock";
import { normalizeEmail } from "./users";
import type { Viewer } from "./viewer";

async function passwordHashOf(viewer: Viewer): Promise<string | null> {
  const [row] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, viewer.id));
  if (!row) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return row.passwordHash;
}

function invalid(fieldErrors: FieldErrors): AppError {
  return new AppError(
    "INVALID_INPUT",
    Object.values(fieldErrors)[0]?.[0] ?? "Some fields need another look.",
    fieldErrors,
  );
}

/**
 * Replaces the viewer's password, or sets a first one on an account that only used OAuth.
 * The same transaction ends every session, this one included, so a copy of this browser's
 * cookie dies too: the caller signs this browser in again, under a new session.
 */
export async function changePassword({
  viewer,
  currentPassword,
  newPassword,
}: {
  viewer: Viewer;
  /** Ignored for an account without a password: there is nothing to confirm. */
  currentPassword?: string | undefined;
  newPassword: string;
}): Promise<{ replaced: boolean }> {
  const oldHash = await passwordHashOf(viewer);
  const fieldErrors: FieldErrors = {};
  // Argon2 runs on whatever was typed, even nothing, so a wrong guess takes as long as the right one.
  if (oldHash && !(await verifyPassword(oldHash, currentPassword ?? ""))) {
    fieldErrors.currentPassword = ["That isn't your current password."];
  }
  const problem = passwordProblem(newPassword, { email: viewer.email });
  if (problem) fieldErrors.newPassword = [problem];
  if (Object.keys(fieldErrors).length > 0) throw invalid(fieldErrors);

  const passwordHash = await hashPassword(newPassword);
  const replaced = await getDb().transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ passwordHash })
      // Only over the password just checked: of two changes racing, the later one must not win unchecked.
      .where(and(eq(users.id, viewer.id), oldHash ? eq(users.passwordHash, oldHash) : isNull(users.passwordHash)))
      .returning({ id: users.id });
    if (updated.length > 0) {
      await tx.delete(userSessions).where(eq(userSessions.userId, viewer.id));
      await retireAddressChangeLinks(tx, { userId: viewer.id, now: new Date() });
    }
    return updated.length > 0;
  });
  if (!replaced) {
    throw new AppError(
      "CONFLICT",
      "Your password was just changed elsewhere, which ended this session. Sign in again.",
    );
  }
  return { replaced: oldHash !== null };
}

/**
 * Deletes the viewer and everything that identifies them, once they have proved it is them:
 * their password, or for an account without one, their email address typed out.
 */
export async function deleteAccount({
  viewer,
  password,
  email,
}: {
  viewer: Viewer;
  password?: string | undefined;
  email?: string | undefined;
}): Promise<void> {
  const hash = await passwordHashOf(viewer);
  if (hash) {
    if (!(await verifyPassword(hash, password ?? ""))) throw invalid({ password: ["That isn't your password."] });
  } else if (normalizeEmail(email ?? "") !== normalizeEmail(viewer.email)) {
    throw invalid({ email: ["That isn't your account's email address."] });
  }

  await getDb().transaction(async (tx) => {
    // A write already referencing the user finishes first; any later one fails on its foreign key.
    await lockLearner(tx, viewer.id);
    // Their set-null keys would keep these rows, and a mentor's words or a notice of what they did still say who.
    await tx.delete(milestoneMessages).where(eq(milestoneMessages.authorId, viewer.id));
    await tx.delete(notifications).where(eq(notifications.actorId, viewer.id));
    // Auth.js keeps email sign-in tokens by address, with no key to the user.
    await tx
      .delete(verificationTokens)
      .where(eq(sql`lower(${verificationTokens.identifier})`, normalizeEmail(viewer.email)));
    // The rest cascades. Other people's rows that only pointed at the user (an event they made
    // on someone else's progress, the learner's replies in a thread they mentored) stay, the id cleared.
    await tx.delete(users).where(eq(users.id, viewer.id));
  });
}

/** What the account page needs to know about the viewer's sign-in. */
export async function getAccountForViewer({ viewer }: { viewer: Viewer }) {
  return { name: viewer.name, email: viewer.email, hasPassword: (await passwordHashOf(viewer)) !== null };
}
