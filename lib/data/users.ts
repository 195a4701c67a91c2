import { and, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { isValidTimeZone } from "../dates";
import { AppError } from "../errors";
import { hashPassword, passwordProblem, spendVerifyTime, verifyPassword } from "../passwords";
import type { Viewer } from "./viewer";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

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
  const [created] = await getDb()
    .insert(users)
    .values({
      name: input.name.trim(),
      email,
      passwordHash,
      timeZone: input.timeZone && isValidTimeZone(input.timeZone) ? input.timeZone : "UTC",
    })
    .onConflictDoNothing()
    .returning({ id: users.id, name: users.name, email: users.email });
  if (!created) {
    const message = "An account with this email already exists. Sign in instead.";
    throw new AppError("CONFLICT", message, { email: [message] });
  }
  return created;
}

export type SignInUser = Viewer & { tokenVersion: number };

/** The user for a sign-in attempt, or null; the time taken does not tell which part was wrong. */
export async function verifyCredentials(input: { email: string; password: string }): Promise<SignInUser | null> {
  const [user] = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      passwordHash: users.passwordHash,
      tokenVersion: users.tokenVersion,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalizeEmail(input.email)));
  if (!user?.passwordHash) {
    await spendVerifyTime(input.password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return null;
  return { id: user.id, name: user.name, email: user.email, tokenVersion: user.tokenVersion };
}

export async function getTokenVersion(userId: string): Promise<number | null> {
  const [row] = await getDb().select({ tokenVersion: users.tokenVersion }).from(users).where(eq(users.id, userId));
  return row?.tokenVersion ?? null;
}

export type SessionViewer = { viewer: Viewer; unreadNotifications: number };

/**
 * The session's user as the database has it now (null once deleted or signed out
 * everywhere), with the header's unread count read in the same statement: every page
 * needs both, and one round trip is half the cost.
 */
export async function getSessionViewer(session: {
  userId: string;
  tokenVersion: number;
}): Promise<SessionViewer | null> {
  const [row] = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      // Spelled out in full: in a single-table select Drizzle leaves column names unqualified.
      unreadNotifications: sql<number>`(select count(*)::int from notifications n where n.user_id = users.id and n.read_at is null)`,
    })
    .from(users)
    .where(and(eq(users.id, session.userId), eq(users.tokenVersion, session.tokenVersion)));
  if (!row) return null;
  const { unreadNotifications, ...viewer } = row;
  return { viewer, unreadNotifications: Number(unreadNotifications) };
}

/** Ends every session of the viewer, on every device, at once. */
export async function endAllSessions({ viewer }: { viewer: Viewer }): Promise<void> {
  await getDb()
    .update(users)
    .set({ tokenVersion: sql`${users.tokenVersion} + 1` })
    .where(eq(users.id, viewer.id));
}
