import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, or, sql, type AnyColumn } from "drizzle-orm";
import { getDb, type Database, type Transaction } from "../../db/client";
import { mentorshipInvites, mentorships, users, type InviteKind } from "../../db/schema";
import { AppError } from "../domain/errors";
import { findCurrentMentorship, isCurrentMentorship, noAccess } from "./access";
import { notify } from "./notifications";
import { couldBeRowId } from "./row-id";
import type { Viewer } from "./viewer";

export const INVITE_LIFETIMES_DAYS = [1, 7, 30] as const;
export const DEFAULT_INVITE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type CreatedInvite = { token: string; expiresAt: Date; kind: InviteKind };

export async function createInvite({
  viewer,
  kind,
  days = DEFAULT_INVITE_DAYS,
}: {
  viewer: Viewer;
  kind: InviteKind;
  days?: number;
}): Promise<CreatedInvite> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + days * DAY_MS);
  await getDb()
    .insert(mentorshipInvites)
    .values({ tokenHash: hashToken(token), kind, creatorId: viewer.id, expiresAt });
  return { token, expiresAt, kind };
}

export type OpenInvite = { id: string; createdAt: Date; expiresAt: Date };

const openInvitesOf = (creatorId: string | AnyColumn, kind: InviteKind, now: Date) =>
  and(
    eq(mentorshipInvites.creatorId, creatorId),
    eq(mentorshipInvites.kind, kind),
    isNull(mentorshipInvites.revokedAt),
    isNull(mentorshipInvites.usedAt),
    isNull(mentorshipInvites.declinedAt),
    gt(mentorshipInvites.expiresAt, now),
  );

/**
 * Which sides of mentorship a user is on, as two columns for a select: `asLearner` when they
 * have a current mentor or a link out inviting one, `asMentor` likewise for mentees.
 */
export function mentorshipSidesOf(userId: AnyColumn, now: Date) {
  const side = (column: "learnerId" | "mentorId", kind: InviteKind) =>
    sql<boolean>`(exists (select 1 from ${mentorships} where ${isCurrentMentorship({ [column]: userId })})
      or exists (select 1 from ${mentorshipInvites} where ${openInvitesOf(userId, kind, now)}))`;
  return {
    asLearner: side("learnerId", "learner_invites_mentor"),
    asMentor: side("mentorId", "mentor_invites_learner"),
  };
}

/** The viewer's own invite links that can still be used, newest first. */
export async function listOpenInvitesForViewer({
  viewer,
  kind,
}: {
  viewer: Viewer;
  kind: InviteKind;
}): Promise<OpenInvite[]> {
  return getDb()
    .select({
      id: mentorshipInvites.id,
      createdAt: mentorshipInvites.createdAt,
      expiresAt: mentorshipInvites.expiresAt,
    })
    .from(mentorshipInvites)
    .where(openInvitesOf(viewer.id, kind, new Date()))
    .orderBy(desc(mentorshipInvites.createdAt));
}

/** The same list as one JSON column, for a page that reads it alongside something else. */
export function openInvitesJson(creatorId: string, kind: InviteKind, now: Date) {
  return sql<{ id: string; createdAt: string; expiresAt: string }[]>`(
    select coalesce(json_agg(json_build_object('id', ${mentorshipInvites.id}, 'createdAt', ${mentorshipInvites.createdAt},
      'expiresAt', ${mentorshipInvites.expiresAt}) order by ${mentorshipInvites.createdAt} desc), '[]'::json)
    from ${mentorshipInvites} where ${openInvitesOf(creatorId, kind, now)})`;
}

export async function revokeInvite({ viewer, inviteId }: { viewer: Viewer; inviteId: string }): Promise<void> {
  if (!couldBeRowId(inviteId)) throw noAccess();
  const revoked = await getDb()
    .update(mentorshipInvites)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(mentorshipInvites.id, inviteId),
        eq(mentorshipInvites.creatorId, viewer.id),
        isNull(mentorshipInvites.revokedAt),
      ),
    )
    .returning({ id: mentorshipInvites.id });
  if (revoked.length === 0) throw noAccess();
}

export type InviteState = "open" | "expired" | "revoked" | "used" | "declined" | "own" | "already-connected";

export type InvitePreview = { state: InviteState; kind: InviteKind; creatorName: string };

type InviteRow = typeof mentorshipInvites.$inferSelect & { creatorName: string | null };

const invalidInvite = () =>
  new AppError("NOT_FOUND", "This invite link is not valid. Check that you copied all of it.");

async function findInvite(db: Database | Transaction, token: string, lock: boolean): Promise<InviteRow | null> {
  const query = db
    .select({
      id: mentorshipInvites.id,
      tokenHash: mentorshipInvites.tokenHash,
      kind: mentorshipInvites.kind,
      creatorId: mentorshipInvites.creatorId,
      shareNotes: mentorshipInvites.shareNotes,
      expiresAt: mentorshipInvites.expiresAt,
      revokedAt: mentorshipInvites.revokedAt,
      usedAt: mentorshipInvites.usedAt,
      declinedAt: mentorshipInvites.declinedAt,
      createdAt: mentorshipInvites.createdAt,
      creatorName: users.name,
    })
    .from(mentorshipInvites)
    .innerJoin(users, eq(users.id, mentorshipInvites.creatorId))
    .where(eq(mentorshipInvites.tokenHash, hashToken(token)));
  const [row] = lock ? await query.for("update", { of: mentorshipInvites }) : await query;
  return row ?? null;
}

function pairOf(invite: InviteRow, viewer: Viewer) {
  return invite.kind === "mentor_invites_learner"
    ? { mentorId: invite.creatorId, learnerId: viewer.id }
    : { mentorId: viewer.id, learnerId: invite.creatorId };
}

async function stateOf(db: Database | Transaction, invite: InviteRow, viewer: Viewer | null): Promise<InviteState> {
  if (invite.revokedAt) return "revoked";
  if (invite.usedAt) return "used";
  if (invite.declinedAt) return "declined";
  if (invite.expiresAt.getTime() <= Date.now()) return "expired";
  if (viewer?.id === invite.creatorId) return "own";
  if (viewer && (await findCurrentMentorship(db, pairOf(invite, viewer)))) return "already-connected";
  return "open";
}

/** What an invite link will do, for the person who opened it (signed in or not). */
export async function getInvitePreview({
  viewer,
  token,
}: {
  viewer: Viewer | null;
  token: string;
}): Promise<InvitePreview> {
  const invite = await findInvite(getDb(), token, false);
  if (!invite) throw invalidInvite();
  // Never the email: anyone holding the link sees this, signed in or not.
  return {
    state: await stateOf(getDb(), invite, viewer),
    kind: invite.kind,
    creatorName: invite.creatorName ?? "A Waymark member",
  };
}

const INVITE_REFUSALS: Record<Exclude<InviteState, "open" | "already-connected">, string> = {
  expired: "This invite link has expired. Ask for a new one.",
  revoked: "This invite link was withdrawn by the person who made it.",
  used: "This invite link has already been used.",
  declined: "This invite was declined. Ask for a new one.",
  own: "This is your own invite link: send it to someone else.",
};

/**
 * Accepts an invite: the learner's consent when a mentor invited them, the mentor's
 * agreement when a learner did. Accepting twice changes nothing; the invite's creator is told.
 */
export async function acceptInvite({
  viewer,
  token,
}: {
  viewer: Viewer;
  token: string;
}): Promise<{ mentorshipId: string; role: "mentor" | "learner" }> {
  return getDb().transaction(async (tx) => {
    const invite = await findInvite(tx, token, true);
    if (!invite) throw invalidInvite();
    const state = await stateOf(tx, invite, viewer);
    if (state !== "open" && state !== "already-connected") throw new AppError("CONFLICT", INVITE_REFUSALS[state]);
    const pair = pairOf(invite, viewer);
    const role = invite.kind === "mentor_invites_learner" ? "learner" : "mentor";

    const created = await tx.insert(mentorships).values(pair).onConflictDoNothing().returning({ id: mentorships.id });
    // A learner's link is for one mentor: it is spent once that mentor is connected, however they got there.
    if (invite.kind === "learner_invites_mentor") {
      await tx.update(mentorshipInvites).set({ usedAt: new Date() }).where(eq(mentorshipInvites.id, invite.id));
    }
    const mentorshipId = created[0]?.id ?? (await findCurrentMentorship(tx, pair))?.id;
    if (!mentorshipId) throw new AppError("CONFLICT", "The mentorship changed while you accepted. Try again.");
    if (created.length > 0) {
      await notify(tx, [
        { userId: invite.creatorId, kind: "invite_accepted", actorId: viewer.id, learnerId: pair.learnerId },
      ]);
    }
    return { mentorshipId, role };
  });
}

/**
 * Turns an invite down. A learner's single-use link is spent by it and the learner is told; a
 * mentor's reusable link stays open for the others it was sent to, so nothing is recorded.
 */
export async function declineInvite({ viewer, token }: { viewer: Viewer; token: string }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const invite = await findInvite(tx, token, true);
    if (!invite) throw invalidInvite();
    const state = await stateOf(tx, invite, viewer);
    if (state === "already-connected") throw new AppError("CONFLICT", "You're already connected.");
    if (state !== "open") throw new AppError("CONFLICT", INVITE_REFUSALS[state]);
    if (invite.kind !== "learner_invites_mentor") return;
    await tx.update(mentorshipInvites).set({ declinedAt: new Date() }).where(eq(mentorshipInvites.id, invite.id));
    await notify(tx, [
      { userId: invite.creatorId, kind: "invite_declined", actorId: viewer.id, learnerId: invite.creatorId },
    ]);
  });
}

/** Either side may end a mentorship; from then on every mentor check fails, and the other side is told. */
export async function endMentorship({ viewer, mentorshipId }: { viewer: Viewer; mentorshipId: string }): Promise<void> {
  if (!couldBeRowId(mentorshipId)) throw noAccess();
  await getDb().transaction(async (tx) => {
    const [ended] = await tx
      .update(mentorships)
      .set({ endedAt: new Date(), endedById: viewer.id })
      .where(
        and(
          isCurrentMentorship({ mentorshipId }),
          or(eq(mentorships.mentorId, viewer.id), eq(mentorships.learnerId, viewer.id)),
        ),
      )
      .returning({ mentorId: mentorships.mentorId, learnerId: mentorships.learnerId });
    if (!ended) throw noAccess();
    const otherSide = ended.mentorId === viewer.id ? ended.learnerId : ended.mentorId;
    await notify(tx, [{ userId: otherSide, kind: "mentorship_ended", actorId: viewer.id, learnerId: ended.learnerId }]);
  });
}

/** Only the learner decides whether a mentor sees their notes. */
export async function setNotesSharing({
  viewer,
  mentorshipId,
  shareNotes,
}: {
  viewer: Viewer;
  mentorshipId: string;
  shareNotes: boolean;
}): Promise<void> {
  if (!couldBeRowId(mentorshipId)) throw noAccess();
  const updated = await getDb()
    .update(mentorships)
    .set({ shareNotes })
    .where(isCurrentMentorship({ mentorshipId, learnerId: viewer.id }))
    .returning({ id: mentorships.id });
  if (updated.length === 0) throw noAccess();
}

/** Who can see the viewer's progress, and since when. */
export async function listMentorsForViewer({ viewer }: { viewer: Viewer }) {
  return getDb()
    .select({
      mentorshipId: mentorships.id,
      mentorName: users.name,
      startedAt: mentorships.startedAt,
      shareNotes: mentorships.shareNotes,
    })
    .from(mentorships)
    .innerJoin(users, eq(users.id, mentorships.mentorId))
    .where(isCurrentMentorship({ learnerId: viewer.id }))
    .orderBy(desc(mentorships.startedAt))
    .then((rows) => rows.map((row) => ({ ...row, mentorName: row.mentorName ?? "Unnamed mentor" })));
}
