import "server-only";
import { and, asc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { getDb, type Database, type Transaction } from "../../../db/client";
import { mailOutbox, type MailKind } from "../../../db/schema";

/*
 * The mail outbox, as the system sees it: no viewer, because mail is queued by what someone did
 * (their own reset, a mentor's feedback to a learner) and delivered by a job. Only the data layer
 * queues mail; only lib/jobs delivers it.
 */

export type QueuedMail = {
  /** Names the occasion; a second mail for it is not queued. */
  dedupeKey: string;
  userId: string | null;
  to: string;
  kind: MailKind;
  payload: Record<string, unknown>;
};

/** Queues a mail in the caller's transaction; returns its id, or null when its occasion already had one. */
export async function queueMail(db: Database | Transaction, mail: QueuedMail): Promise<string | null> {
  const [row] = await db
    .insert(mailOutbox)
    .values({
      dedupeKey: mail.dedupeKey,
      userId: mail.userId,
      toAddress: mail.to,
      kind: mail.kind,
      payload: mail.payload,
    })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  return row?.id ?? null;
}

/** A delivery that took a mail and never finished (its server died) hands it on after this. */
export const MAIL_CLAIM_LEASE_MS = 10 * 60_000;
/** Attempts before a mail is given up as failed. */
export const MAIL_MAX_ATTEMPTS = 8;

export type ClaimedMail = {
  id: string;
  to: string;
  kind: MailKind;
  userId: string | null;
  payload: Record<string, unknown>;
  attempts: number;
};

/**
 * Takes a mail for delivery: at most one worker holds it at a time, and a sent one is never
 * taken again. Null when it is sent, failed for good, held by another worker, or gone.
 */
export async function claimMail(id: string, now = new Date()): Promise<ClaimedMail | null> {
  const [row] = await getDb()
    .update(mailOutbox)
    .set({ status: "sending", claimedAt: now, attempts: sql`${mailOutbox.attempts} + 1` })
    .where(
      and(
        eq(mailOutbox.id, id),
        or(
          eq(mailOutbox.status, "queued"),
          and(
            eq(mailOutbox.status, "sending"),
            lt(mailOutbox.claimedAt, new Date(now.getTime() - MAIL_CLAIM_LEASE_MS)),
          ),
        ),
      ),
    )
    .returning({
      id: mailOutbox.id,
      to: mailOutbox.toAddress,
      kind: mailOutbox.kind,
      userId: mailOutbox.userId,
      payload: mailOutbox.payload,
      attempts: mailOutbox.attempts,
    });
  return row ? { ...row, payload: row.payload ?? {} } : null;
}

/** Sent: the payload (which may hold a link's token) is not kept. */
export async function markMailSent(id: string, now = new Date()): Promise<void> {
  await getDb()
    .update(mailOutbox)
    .set({ status: "sent", sentAt: now, payload: null, lastError: null })
    .where(eq(mailOutbox.id, id));
}

/** Not wanted any more when its turn came: kept as a record, without its payload. */
export async function markMailSkipped(id: string, now = new Date()): Promise<void> {
  await getDb().update(mailOutbox).set({ status: "skipped", sentAt: now, payload: null }).where(eq(mailOutbox.id, id));
}

/** Not sent this time: queued again for the next attempt, or failed for good after the last. */
export async function markMailAttemptFailed(id: string, error: string, final: boolean): Promise<void> {
  await getDb()
    .update(mailOutbox)
    .set({ status: final ? "failed" : "queued", lastError: error.slice(0, 500), ...(final ? { payload: null } : {}) })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, "sending")));
}

/**
 * Mail waiting without a delivery job: never tried (queued by a server that died before it woke
 * delivery) or left by a job the queue gave up on long ago.
 */
export async function listStrandedMailIds(now = new Date(), limit = 500): Promise<string[]> {
  const longAgo = new Date(now.getTime() - 6 * MAIL_CLAIM_LEASE_MS);
  const rows = await getDb()
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      or(
        and(eq(mailOutbox.status, "queued"), or(eq(mailOutbox.attempts, 0), lt(mailOutbox.claimedAt, longAgo))),
        and(eq(mailOutbox.status, "sending"), lt(mailOutbox.claimedAt, new Date(now.getTime() - MAIL_CLAIM_LEASE_MS))),
      ),
    )
    .orderBy(asc(mailOutbox.createdAt))
    .limit(limit);
  return rows.map((row) => row.id);
}

/** For tests and the operator: the outbox rows of these ids, as they stand. */
export async function mailStates(ids: string[]) {
  if (ids.length === 0) return [];
  return getDb()
    .select({
      id: mailOutbox.id,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
    })
    .from(mailOutbox)
    .where(inArray(mailOutbox.id, ids));
}
