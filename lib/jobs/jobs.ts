import "server-only";
import type { PgBoss } from "pg-boss";
import type { DatabaseHandle, DatabaseTarget } from "../../db/client";
import { listStrandedMailIds, MAIL_MAX_ATTEMPTS } from "../data/internal/mail-outbox";
import type { MailSender } from "../server/mail-transport";
import { createJobQueue } from "./job-queue";
import { deliverMail, describeFailure } from "./mail-delivery";
import { startNoticeJobs } from "./notice-jobs";

export const DELIVER_MAIL = "deliver-mail";
export const SWEEP_MAIL = "sweep-mail";
const DELIVERY_BATCH = 5;

export type JobLog = { info(message: string): void; error(error: unknown, message: string): void };

export type Jobs = {
  boss: PgBoss;
  /** Asks for queued mail to go now rather than at the next minute's sweep. */
  wakeMailDelivery(): Promise<void>;
  stop(): Promise<void>;
};

export type JobsOptions = {
  handle: DatabaseHandle;
  target: DatabaseTarget;
  sender: MailSender;
  siteUrl: string;
  log: JobLog;
};

/**
 * Starts the queue and its workers. Mail goes one job per mail, retried with backoff (30 s,
 * doubling, at most an hour apart); a sweep every minute hands a job to any mail that has none
 * (queued by a server that stopped before it woke delivery).
 */
export async function startJobs({ handle, target, sender, siteUrl, log }: JobsOptions): Promise<Jobs> {
  const boss = createJobQueue(handle, target);
  boss.on("error", (error) => log.error(error, "job queue error"));
  await boss.start();
  // "short" with the mail's id as key: a sweep or a wake never queues a second job for a mail
  // whose job still waits.
  await boss.createQueue(DELIVER_MAIL, {
    policy: "short",
    retryLimit: MAIL_MAX_ATTEMPTS - 1,
    retryBackoff: true,
    retryDelay: 30,
    retryDelayMax: 3600,
    expireInSeconds: 120,
  });
  // "short": at most one sweep waits at a time, however often delivery is woken.
  await boss.createQueue(SWEEP_MAIL, { policy: "short", retryLimit: 0 });
  // Idle workers look for work every 10 s; a wake or a sweep nudges the worker here at once. While
  // a backlog lasts (the 8 o'clock digests) they fetch five at a time without pause, sent side by
  // side; each mail's outcome is its own, so one refused address retries alone.
  const deliverWorker = await boss.work<{ id: string }>(
    DELIVER_MAIL,
    { pollingIntervalSeconds: 10, batchSize: DELIVERY_BATCH, burstWhenBatchFull: true, perJobResults: true },
    (jobs) =>
      Promise.all(
        jobs.map(async (job) => {
          try {
            await deliverMail(job.data.id, sender, siteUrl);
            return { id: job.id, status: "completed" as const };
          } catch (error) {
            return { id: job.id, status: "failed" as const, output: { error: describeFailure(error) } };
          }
        }),
      ),
  );
  const sweepWorker = await boss.work(SWEEP_MAIL, { pollingIntervalSeconds: 10 }, async () => {
    const ids = await listStrandedMailIds();
    if (ids.length === 0) return;
    await boss.insert(
      DELIVER_MAIL,
      ids.map((id) => ({ data: { id }, singletonKey: id })),
    );
    boss.notifyWorker(deliverWorker);
  });
  await boss.schedule(SWEEP_MAIL, "* * * * *");
  const wakeMailDelivery = async () => {
    await boss.send(SWEEP_MAIL, null);
    boss.notifyWorker(sweepWorker);
  };
  await startNoticeJobs(boss, wakeMailDelivery);
  log.info(`Jobs started; mail goes to ${sender.describe()}`);
  return {
    boss,
    wakeMailDelivery,
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
