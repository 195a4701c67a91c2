import "server-only";
import type { PgBoss } from "pg-boss";
import { queueBehindPaceReminders, queueMentorDigests } from "../data/internal/mail-reminders";
import { queueDailyDigests } from "../data/internal/notice-mails";

export const QUEUE_NOTICE_MAIL = "queue-notice-mail";

/** The hourly run: whoever is at their local mail hour gets their digest, and on Mondays their reminders. */
export async function queueScheduledNoticeMail(now = new Date()): Promise<number> {
  const counts = await Promise.all([queueDailyDigests(now), queueBehindPaceReminders(now), queueMentorDigests(now)]);
  return counts.reduce((sum, count) => sum + count, 0);
}

/**
 * Schedules the hourly run. pg-boss starts each scheduled run once across every server; a retry
 * or an overlapping run queues nothing twice, since every mail's key names its person and day
 * (or week). Mail it queued is delivered at once.
 */
export async function startNoticeJobs(boss: PgBoss, wakeMailDelivery: () => Promise<void>): Promise<void> {
  await boss.createQueue(QUEUE_NOTICE_MAIL, {
    policy: "short",
    retryLimit: 3,
    retryBackoff: true,
    retryDelay: 60,
    expireInSeconds: 900,
  });
  // The hour is the schedule's, not the worker's clock: a run picked up late, or retried past the
  // hour, still serves the people whose 8 o'clock it was.
  await boss.work(QUEUE_NOTICE_MAIL, { pollingIntervalSeconds: 30, includeMetadata: true }, async ([job]) => {
    if ((await queueScheduledNoticeMail(job?.createdOn ?? new Date())) > 0) await wakeMailDelivery();
  });
  await boss.schedule(QUEUE_NOTICE_MAIL, "0 * * * *");
}
