import "server-only";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb, type Database, type Transaction } from "../../db/client";
import { mailPreferences, users } from "../../db/schema";
import { AppError } from "../domain/errors";
import {
  allowedDeliveries,
  MAIL_TOPICS,
  topicsInScope,
  withDefaults,
  type MailPreferences,
  type UnsubscribeScope,
} from "../domain/mail-preferences";
import type { Viewer } from "./viewer";

/** Several people's choices, defaults filled in; for the jobs that decide who is mailed. */
export async function preferencesOf(
  db: Database | Transaction,
  userIds: string[],
): Promise<Map<string, MailPreferences>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ userId: mailPreferences.userId, topic: mailPreferences.topic, delivery: mailPreferences.delivery })
    .from(mailPreferences)
    .where(inArray(mailPreferences.userId, unique));
  return new Map(unique.map((id) => [id, withDefaults(rows.filter((row) => row.userId === id))]));
}

export type MailSettings = { preferences: MailPreferences; verified: boolean };

export async function getMailSettingsForViewer({ viewer }: { viewer: Viewer }): Promise<MailSettings> {
  const db = getDb();
  const [[user], preferences] = await Promise.all([
    db.select({ verified: users.emailVerified }).from(users).where(eq(users.id, viewer.id)),
    preferencesOf(db, [viewer.id]),
  ]);
  return { preferences: preferences.get(viewer.id)!, verified: Boolean(user?.verified) };
}

/** Stores the viewer's choices; a delivery a topic does not offer (a weekly feedback mail) is refused. */
export async function saveMailPreferences({
  viewer,
  preferences,
  now = new Date(),
}: {
  viewer: Viewer;
  preferences: Partial<MailPreferences>;
  now?: Date;
}): Promise<MailPreferences> {
  const chosen = MAIL_TOPICS.flatMap((topic) => {
    const delivery = preferences[topic];
    if (delivery === undefined) return [];
    if (!allowedDeliveries(topic).includes(delivery)) {
      throw new AppError("INVALID_INPUT", "Choose one of the options shown for each kind of mail.");
    }
    return [{ userId: viewer.id, topic, delivery, updatedAt: now }];
  });
  if (chosen.length > 0) {
    await getDb()
      .insert(mailPreferences)
      .values(chosen)
      .onConflictDoUpdate({
        target: [mailPreferences.userId, mailPreferences.topic],
        set: { delivery: sql`excluded.delivery`, updatedAt: sql`excluded.updated_at` },
      });
  }
  return (await getMailSettingsForViewer({ viewer })).preferences;
}

/**
 * Turns mails off for whoever a signed unsubscribe link names: one topic, or everything sent in
 * the daily digest. A system function, since the link is the proof and needs no session. False
 * when that account no longer exists.
 */
export async function unsubscribe({
  userId,
  scope,
  now = new Date(),
}: {
  userId: string;
  scope: UnsubscribeScope;
  now?: Date;
}): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) return false;
    const topics = topicsInScope(scope, (await preferencesOf(tx, [userId])).get(userId)!);
    if (topics.length === 0) return true;
    await tx
      .insert(mailPreferences)
      .values(topics.map((topic) => ({ userId, topic, delivery: "off" as const, updatedAt: now })))
      .onConflictDoUpdate({
        target: [mailPreferences.userId, mailPreferences.topic],
        set: { delivery: "off", updatedAt: now },
      });
    return true;
  });
}

/**
 * The person a mail is for, as they stand when it is sent: null when their address is not
 * confirmed, is no longer the one the mail was queued for, or the account is gone. Mail other
 * than verification and reset goes only to confirmed addresses.
 */
export async function mailableRecipient(
  db: Database | Transaction,
  { userId, to }: { userId: string | null; to: string },
): Promise<{ id: string; name: string | null; preferences: MailPreferences } | null> {
  if (!userId) return null;
  const [user] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), isNotNull(users.emailVerified), eq(sql`lower(${users.email})`, to.toLowerCase())));
  if (!user) return null;
  return { ...user, preferences: (await preferencesOf(db, [user.id])).get(user.id)! };
}
