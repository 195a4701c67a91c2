import "server-only";
import { and, eq, gt, inArray, isNotNull, isNull } from "drizzle-orm";
import { getDb, type Transaction } from "../../../db/client";
import { notifications, users, type NotificationKind } from "../../../db/schema";
import { DAY_MS } from "../../domain/dates";
import { isLocalMailHour, localClock, NOTICE_TOPICS, topicOfNotice } from "../../domain/mail-preferences";
import { preferencesOf } from "../mail-preferences";
import { queueMail } from "./mail-outbox";

/*
 * Mail about notices. A notice whose topic the person wants at once is queued in the very
 * transaction that records it; the daily digest gathers the rest once a day. Either way the
 * notice is marked mailed in the transaction that queues its mail, so no notice is mailed twice.
 */

export type RecordedNotice = { id: string; userId: string; kind: NotificationKind };

/** Queues a mail for each new notice its recipient wants at once, if their address is confirmed. */
export async function queueImmediateNoticeMails(tx: Transaction, notices: RecordedNotice[], now = new Date()) {
  const mailed = notices.filter((notice) => topicOfNotice(notice.kind));
  if (mailed.length === 0) return;
  const recipients = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.id, [...new Set(mailed.map((notice) => notice.userId))]), isNotNull(users.emailVerified)));
  const preferences = await preferencesOf(
    tx,
    recipients.map((recipient) => recipient.id),
  );
  const queued: string[] = [];
  for (const notice of mailed) {
    const recipient = recipients.find((candidate) => candidate.id === notice.userId);
    if (!recipient || preferences.get(recipient.id)?.[topicOfNotice(notice.kind)!] !== "immediate") continue;
    const id = await queueMail(tx, {
      dedupeKey: `notify:${notice.id}`,
      userId: recipient.id,
      to: recipient.email,
      kind: "notification",
      payload: { notificationId: notice.id },
    });
    if (id) queued.push(notice.id);
  }
  if (queued.length > 0) await tx.update(notifications).set({ mailedAt: now }).where(inArray(notifications.id, queued));
}

/** A digest looks back this far at most: a notice older than a week is no news any more. */
export const DIGEST_LOOKBACK_DAYS = 7;
/** At most this many notices are listed in one digest; the mail says how many more there are. */
export const DIGEST_MAX_NOTICES = 50;

/**
 * The daily digest, run every hour: each person whose local time is in the digest hour gets one
 * mail with their unread, unmailed notices of the topics they want daily. The mail's key names
 * the person and their local date, and the notices are marked mailed in the same transaction,
 * so a retry, a second server or a second run in the hour queues nothing more.
 */
export async function queueDailyDigests(now = new Date()): Promise<number> {
  const db = getDb();
  const rows = await db
    .select({
      id: notifications.id,
      userId: notifications.userId,
      kind: notifications.kind,
      email: users.email,
      timeZone: users.timeZone,
    })
    .from(notifications)
    .innerJoin(users, and(eq(users.id, notifications.userId), isNotNull(users.emailVerified)))
    .where(
      and(
        isNull(notifications.mailedAt),
        isNull(notifications.readAt),
        inArray(notifications.kind, [...NOTICE_TOPICS]),
        gt(notifications.createdAt, new Date(now.getTime() - DIGEST_LOOKBACK_DAYS * DAY_MS)),
      ),
    );
  const due = rows.filter((row) => isLocalMailHour(now, row.timeZone));
  const preferences = await preferencesOf(
    db,
    due.map((row) => row.userId),
  );
  const byUser = new Map<string, typeof due>();
  for (const row of due) {
    if (preferences.get(row.userId)?.[topicOfNotice(row.kind)!] !== "daily") continue;
    byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  }
  let queued = 0;
  for (const [userId, notices] of byUser) {
    const { email, timeZone } = notices[0]!;
    const ids = notices.map((notice) => notice.id);
    const id = await db.transaction(async (tx) => {
      const mailId = await queueMail(tx, {
        dedupeKey: `digest:${userId}:${localClock(now, timeZone).date}`,
        userId,
        to: email,
        kind: "notification_digest",
        payload: { notificationIds: ids },
      });
      if (mailId) {
        await tx
          .update(notifications)
          .set({ mailedAt: now })
          .where(and(inArray(notifications.id, ids), isNull(notifications.mailedAt)));
      }
      return mailId;
    });
    if (id) queued += 1;
  }
  return queued;
}

/**
 * The notices a notice mail or digest was about, when that mail was skipped or failed for good:
 * unmarked, so a later digest may still carry those its person wants daily (once their address is
 * confirmed, say). Read ones stay as they are.
 */
export async function releaseNoticesOfMail(kind: string, payload: Record<string, unknown>): Promise<void> {
  const ids =
    kind === "notification" && typeof payload.notificationId === "string"
      ? [payload.notificationId]
      : kind === "notification_digest" && Array.isArray(payload.notificationIds)
        ? payload.notificationIds.filter((id): id is string => typeof id === "string")
        : [];
  if (ids.length === 0) return;
  await getDb()
    .update(notifications)
    .set({ mailedAt: null })
    .where(and(inArray(notifications.id, ids), isNull(notifications.readAt)));
}

/** A notice queued at once whose person has since moved its topic to the digest: the digest takes it. */
export async function handNoticeToDigest(notificationId: string): Promise<void> {
  await getDb().update(notifications).set({ mailedAt: null }).where(eq(notifications.id, notificationId));
}
