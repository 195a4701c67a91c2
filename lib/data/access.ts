import "server-only";
import { and, eq, isNull, type AnyColumn, type SQL } from "drizzle-orm";
import { cache } from "react";
import { getDb, type Database, type Transaction } from "../../db/client";
import { mentorships, roadmaps, shareLinks, users } from "../../db/schema";
import { AppError } from "../domain/errors";
import { couldBeRowId } from "./row-id";
import type { Viewer } from "./viewer";

/**
 * Who may read or do what with a learner's data. Every data function that touches another
 * person's data resolves the viewer's role here and asks the table; the authorization tests
 * are generated from it (tests/integration/access-policy.test.ts).
 *
 * Roles still to come take their own row: a "cohortMentor" (a mentor of a whole group) and a
 * "roadmapAuthor" (who would read progress on their roadmap only in aggregate).
 */
export const ROLES = ["self", "currentMentor", "shareToken"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "readProgress",
  "readNotes",
  "readEvidence",
  "readFeedback",
  "postFeedback",
  "markReviewed",
  "writeProgress",
  "assignRoadmap",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** A grant that depends on the learner's choice: sharing notes with a mentor, publishing evidence on a link. */
export type LearnerChoice = "ifNotesShared" | "ifEvidencePublished";
type Grant = boolean | LearnerChoice;

export const ACCESS_POLICY = {
  self: {
    readProgress: true,
    readNotes: true,
    readEvidence: true,
    readFeedback: true,
    postFeedback: true,
    markReviewed: false,
    writeProgress: true,
    assignRoadmap: false,
  },
  currentMentor: {
    readProgress: true,
    readNotes: "ifNotesShared",
    readEvidence: true,
    readFeedback: true,
    postFeedback: true,
    markReviewed: true,
    writeProgress: false,
    assignRoadmap: true,
  },
  shareToken: {
    readProgress: true,
    readNotes: false,
    readEvidence: "ifEvidencePublished",
    readFeedback: false,
    postFeedback: false,
    markReviewed: false,
    writeProgress: false,
    assignRoadmap: false,
  },
} as const satisfies Record<Role, Record<Permission, Grant>>;

declare const resolvedHere: unique symbol;

/**
 * How a viewer (or a link's holder) stands to one learner. Only this module makes one, so a
 * function handed an Access knows the relationship was checked.
 */
export type Access = AccessFacts & { readonly [resolvedHere]: true };
type MentorAccess = Extract<Access, { role: "currentMentor" }>;

type AccessFacts =
  | { role: "self"; learnerId: string }
  | { role: "currentMentor"; learnerId: string; mentorId: string; mentorshipId: string; notesShared: boolean }
  | { role: "shareToken"; learnerId: string; roadmapId: string; evidencePublished: boolean };

function granted<Facts extends AccessFacts>(facts: Facts): Facts & { readonly [resolvedHere]: true } {
  return facts as Facts & { readonly [resolvedHere]: true };
}

export function allows(access: Access, permission: Permission): boolean {
  const grant: Grant = ACCESS_POLICY[access.role][permission];
  if (grant === "ifNotesShared") return access.role === "currentMentor" && access.notesShared;
  if (grant === "ifEvidencePublished") return access.role === "shareToken" && access.evidencePublished;
  return grant;
}

export function requirePermission(access: Access, permission: Permission): void {
  if (!allows(access, permission)) throw noAccess();
}

/** The one answer to anyone without access: it says nothing about whether the learner or mentorship exists. */
export const noAccess = () => new AppError("NOT_FOUND", "There is nothing here, or you no longer have access to it.");

type Operand = string | AnyColumn;

/**
 * "This mentorship is current", narrowed to a mentor, a learner or a mentorship (values or
 * columns): the one definition of who is whose mentor, for every join, filter and check.
 */
export function isCurrentMentorship({
  mentorshipId,
  mentorId,
  learnerId,
}: {
  mentorshipId?: string;
  mentorId?: Operand;
  learnerId?: Operand;
}): SQL {
  return and(
    mentorshipId === undefined ? undefined : eq(mentorships.id, mentorshipId),
    mentorId === undefined ? undefined : eq(mentorships.mentorId, mentorId),
    learnerId === undefined ? undefined : eq(mentorships.learnerId, learnerId),
    isNull(mentorships.endedAt),
  )!;
}

type Pair = { mentorId: string; learnerId: string };
const mentorshipColumns = { id: mentorships.id, shareNotes: mentorships.shareNotes };

/** The current mentorship between two people, or null. */
export async function findCurrentMentorship(db: Database | Transaction, pair: Pair) {
  const [row] = await db.select(mentorshipColumns).from(mentorships).where(isCurrentMentorship(pair));
  return row ?? null;
}

/**
 * Like findCurrentMentorship, inside a write: the row is share-locked, so ending the
 * mentorship waits for this transaction and nothing lands after the end.
 */
export async function lockCurrentMentorship(tx: Transaction, pair: Pair) {
  const [row] = await tx.select(mentorshipColumns).from(mentorships).where(isCurrentMentorship(pair)).for("share");
  return row ?? null;
}

/**
 * The viewer's access to a learner's data for one permission; anyone without it gets the
 * same not-found. Given a transaction, a mentor's mentorship stays share-locked until it ends.
 */
export async function requireLearnerAccess({
  viewer,
  learnerId,
  permission,
  tx,
}: {
  viewer: Viewer;
  learnerId: string;
  permission: Permission;
  tx?: Transaction;
}): Promise<Access> {
  const access = await resolveAccess(viewer, learnerId, tx);
  if (!access) throw noAccess();
  requirePermission(access, permission);
  return access;
}

async function resolveAccess(viewer: Viewer, learnerId: string, tx: Transaction | undefined): Promise<Access | null> {
  if (viewer.id === learnerId) return granted({ role: "self" as const, learnerId });
  const pair = { mentorId: viewer.id, learnerId };
  const mentorship = tx ? await lockCurrentMentorship(tx, pair) : await findCurrentMentorship(getDb(), pair);
  return (
    mentorship &&
    granted({
      role: "currentMentor" as const,
      ...pair,
      mentorshipId: mentorship.id,
      notesShared: mentorship.shareNotes,
    })
  );
}

type MenteeAccess = MentorAccess & { learnerName: string; mentoredSince: Date };

/**
 * The viewer's access to the mentee behind a mentorship id, as its current mentor. Anyone
 * else — the learner, a former mentor, a stranger — gets the same not-found. Read once per
 * request: the mentee page's layout and the page itself both ask.
 */
export const requireMenteeAccess = ({ viewer, mentorshipId }: { viewer: Viewer; mentorshipId: string }) =>
  menteeAccessOnce(viewer.id, mentorshipId);

const menteeAccessOnce = cache(async (viewerId: string, mentorshipId: string): Promise<MenteeAccess> => {
  if (!couldBeRowId(mentorshipId)) throw noAccess();
  const [row] = await getDb()
    .select({
      learnerId: mentorships.learnerId,
      startedAt: mentorships.startedAt,
      shareNotes: mentorships.shareNotes,
      learnerName: users.name,
    })
    .from(mentorships)
    .innerJoin(users, eq(users.id, mentorships.learnerId))
    .where(isCurrentMentorship({ mentorshipId, mentorId: viewerId }));
  if (!row) throw noAccess();
  return {
    ...granted({
      role: "currentMentor" as const,
      learnerId: row.learnerId,
      mentorId: viewerId,
      mentorshipId,
      notesShared: row.shareNotes,
    }),
    learnerName: row.learnerName ?? "Unnamed learner",
    mentoredSince: row.startedAt,
  };
});

type ShareTokenLookup =
  | { state: "missing" }
  | { state: "revoked" }
  | { state: "shared"; access: Access; learnerName: string | null; roadmapSlug: string };

/** What share-links.ts's newToken makes: 24 bytes are 32 base64url characters. */
const SHARE_TOKEN_FORMAT = /^[A-Za-z0-9_-]{32}$/;

/** What a public link's token grants: the token is the only permission, for one learner's one roadmap. */
export async function findShareTokenAccess(token: string): Promise<ShareTokenLookup> {
  // Anything else was never a link, and is not looked up: it may hold what Postgres text cannot (NUL).
  if (!SHARE_TOKEN_FORMAT.test(token)) return { state: "missing" };
  const [link] = await getDb()
    .select({
      learnerId: shareLinks.userId,
      roadmapId: shareLinks.roadmapId,
      evidencePublished: shareLinks.includeEvidence,
      revokedAt: shareLinks.revokedAt,
      roadmapSlug: roadmaps.slug,
      learnerName: users.name,
    })
    .from(shareLinks)
    .innerJoin(roadmaps, eq(roadmaps.id, shareLinks.roadmapId))
    .innerJoin(users, eq(users.id, shareLinks.userId))
    .where(eq(shareLinks.token, token));
  if (!link) return { state: "missing" };
  if (link.revokedAt) return { state: "revoked" };
  const { learnerId, roadmapId, evidencePublished, roadmapSlug, learnerName } = link;
  return {
    state: "shared",
    access: granted({ role: "shareToken" as const, learnerId, roadmapId, evidencePublished }),
    learnerName,
    roadmapSlug,
  };
}
