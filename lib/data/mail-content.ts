import "server-only";
import { getDb } from "../../db/client";
import { topicOfNotice, type MailPreferences, type ReminderTopic } from "../domain/mail-preferences";
import { handNoticeToDigest } from "./internal/notice-mails";
import { mailableRecipient } from "./mail-preferences";
import { listNotificationsForViewer, type NotificationView } from "./notifications";

/*
 * What a queued notice mail, digest or reminder says, read when it is sent (system functions:
 * the delivery job acts for nobody in particular). Each returns null when the mail is no longer
 * wanted: the address is not confirmed or changed, the topic was turned off, or the notices
 * were read in the meantime. The mail is then skipped, not sent.
 */

type Addressed = { userId: string | null; to: string };
export type MailRecipient = { id: string; name: string | null };

export async function loadNoticeMail(
  input: Addressed & { notificationId: string },
): Promise<{ recipient: MailRecipient; notice: NotificationView } | null> {
  const recipient = await mailableRecipient(getDb(), input);
  if (!recipient) return null;
  const [notice] = await listNotificationsForViewer({
    viewer: { id: recipient.id, name: recipient.name, email: input.to },
    ids: [input.notificationId],
  });
  const topic = notice ? topicOfNotice(notice.kind) : null;
  // Seen on the site already (a retry after an outage, say): the mail would be old news.
  if (!notice?.unread || !topic) return null;
  const delivery = recipient.preferences[topic];
  if (delivery === "daily") await handNoticeToDigest(notice.id);
  return delivery === "immediate" ? { recipient, notice } : null;
}

export async function loadDigestMail(
  input: Addressed & { notificationIds: string[] },
): Promise<{ recipient: MailRecipient; notices: NotificationView[] } | null> {
  const recipient = await mailableRecipient(getDb(), input);
  if (!recipient) return null;
  const notices = (
    await listNotificationsForViewer({
      viewer: { id: recipient.id, name: recipient.name, email: input.to },
      ids: input.notificationIds,
      limit: input.notificationIds.length,
    })
  ).filter((notice) => notice.unread && wantsDaily(recipient.preferences, notice));
  return notices.length > 0 ? { recipient, notices } : null;
}

const wantsDaily = (preferences: MailPreferences, notice: NotificationView) => {
  const topic = topicOfNotice(notice.kind);
  return topic !== null && preferences[topic] === "daily";
};

/** A weekly reminder still goes if the address is confirmed and the reminder has not been turned off. */
export async function loadReminderRecipient(
  input: Addressed & { topic: ReminderTopic },
): Promise<MailRecipient | null> {
  const recipient = await mailableRecipient(getDb(), input);
  return recipient && recipient.preferences[input.topic] === "weekly" ? recipient : null;
}
