import "server-only";
import { and, desc, eq, gt, lt, ne, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { notifications, userSessions, users } from "../../db/schema";
import { describeDevice } from "../domain/device-description";
import { AppError } from "../domain/errors";
import { SESSION_LAST_SEEN_REFRESH_MS, sessionCutoffs } from "../domain/session-lifetimes";
import { retireAddressChangeLinks } from "./account-tokens";
import { mentorshipSidesOf } from "./mentorships";
import { scalarSubquery } from "./scalar-subquery";
import type { Viewer } from "./viewer";

/** Matches the check on user_sessions.user_agent: a header is kept whole up to this length. */
export const USER_AGENT_MAX_LENGTH = 512;

/** The session a sign-in starts, for the JWT to carry. */
export async function startSession({
  userId,
  userAgent,
  now = new Date(),
}: {
  userId: string;
  userAgent: string | null;
  now?: Date;
}): Promise<string> {
  const [session] = await getDb()
    .insert(userSessions)
    .values({ userId, userAgent: userAgent?.slice(0, USER_AGENT_MAX_LENGTH) ?? null, createdAt: now, lastSeenAt: now })
    .returning({ id: userSessions.id });
  return session!.id;
}

function isLive(now: Date) {
  const { lastSeenAfter, startedAfter } = sessionCutoffs(now);
  return and(gt(userSessions.lastSeenAt, lastSeenAfter), gt(userSessions.createdAt, startedAfter));
}

export type SessionViewer = {
  viewer: Viewer;
  sessionId: string;
  unreadNotifications: number;
  /** Whether the account's address is confirmed: until it is, pages offer to send the link again. */
  emailVerified: boolean;
  /** For the header's Mentors and Mentees links (see lib/domain/mentorship-menu.ts). */
  mentorshipSides: { asLearner: boolean; asMentor: boolean };
};

/**
 * The signed-in user as the database has it now, or null once their session has ended (signed
 * out, idle or too old) or the account is gone; with what the header shows (the unread count,
 * which mentorship links). One statement, as every request runs it: the last-seen time is
 * rewritten by a CTE in the same statement, and only once it is SESSION_LAST_SEEN_REFRESH_MS
 * old, so most requests write nothing.
 */
export async function getSessionViewer({
  userId,
  sessionId,
  now = new Date(),
}: {
  userId: string;
  sessionId: string;
  now?: Date;
}): Promise<SessionViewer | null> {
  const db = getDb();
  const thisSession = and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isLive(now));
  // Postgres runs a data-modifying CTE to completion whether or not the query reads it; the
  // select below sees the row as it was before, which is live either way.
  const touch = db.$with("touch").as(
    db
      .update(userSessions)
      .set({ lastSeenAt: now })
      .where(and(thisSession, lt(userSessions.lastSeenAt, new Date(now.getTime() - SESSION_LAST_SEEN_REFRESH_MS))))
      .returning({ id: userSessions.id }),
  );
  const [row] = await db
    .with(touch)
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      emailVerified: users.emailVerified,
      unreadNotifications: scalarSubquery<number>(
        sql`select count(*)::int from ${notifications} where ${notifications.userId} = ${users.id} and ${notifications.readAt} is null`,
      ),
      ...mentorshipSidesOf(users.id, now),
    })
    .from(users)
    .innerJoin(userSessions, eq(userSessions.userId, users.id))
    .where(thisSession);
  if (!row) return null;
  const { unreadNotifications, emailVerified, asLearner, asMentor, ...viewer } = row;
  return {
    viewer,
    sessionId,
    unreadNotifications: Number(unreadNotifications),
    emailVerified: emailVerified !== null,
    mentorshipSides: { asLearner: Boolean(asLearner), asMentor: Boolean(asMentor) },
  };
}

/** Ends the session a signed-out token names; nothing happens if it has already ended. */
export async function endSignedOutSession({ userId, sessionId }: { userId: string; sessionId: string }) {
  await getDb()
    .delete(userSessions)
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId)));
}

export type DeviceSession = {
  id: string;
  device: string;
  signedInAt: Date;
  lastActiveAt: Date;
  current: boolean;
};

/** The viewer's live sessions for the device list: this one first, then the most recently used. */
export async function listSessionsForViewer({
  viewer,
  currentSessionId,
  now = new Date(),
}: {
  viewer: Viewer;
  currentSessionId: string;
  now?: Date;
}): Promise<DeviceSession[]> {
  const rows = await getDb()
    .select({
      id: userSessions.id,
      userAgent: userSessions.userAgent,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .where(and(eq(userSessions.userId, viewer.id), isLive(now)))
    .orderBy(desc(sql`${userSessions.id} = ${currentSessionId}`), desc(userSessions.lastSeenAt), desc(userSessions.id));
  return rows.map((row) => ({
    id: row.id,
    device: describeDevice(row.userAgent),
    signedInAt: row.createdAt,
    lastActiveAt: row.lastSeenAt,
    current: row.id === currentSessionId,
  }));
}

/** Signs one of the viewer's devices out; anyone else's session, or one already ended, is not found. */
export async function endSessionForViewer({ viewer, sessionId }: { viewer: Viewer; sessionId: string }) {
  const ended = await getDb()
    .delete(userSessions)
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, viewer.id)))
    .returning({ id: userSessions.id });
  if (ended.length === 0) {
    throw new AppError("NOT_FOUND", "That device is already signed out.");
  }
}

/** Signs out every device of the viewer but the one asking. */
export async function endOtherSessions({ viewer, currentSessionId }: { viewer: Viewer; currentSessionId: string }) {
  await getDb().transaction(async (tx) => {
    await tx.delete(userSessions).where(and(eq(userSessions.userId, viewer.id), ne(userSessions.id, currentSessionId)));
    // Someone signed out this way may have asked to move the account to their address.
    await retireAddressChangeLinks(tx, { userId: viewer.id, now: new Date() });
  });
}

/** Ends every session of the viewer, on every device, this one included. */
export async function endAllSessions({ viewer }: { viewer: Viewer }): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx.delete(userSessions).where(eq(userSessions.userId, viewer.id));
    await retireAddressChangeLinks(tx, { userId: viewer.id, now: new Date() });
  });
}
