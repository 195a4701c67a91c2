import "server-only";
import { and, eq, exists, gt, ne, or, sql, type SQL } from "drizzle-orm";
import { cache } from "react";
import { getDb, type Transaction } from "../../db/client";
import { isSlug } from "../../db/content/content-schema";
import { enrollments, milestones, roadmapAssignments, roadmaps } from "../../db/schema";
import { AppError } from "../domain/errors";
import { couldBeRowId } from "./row-id";
import type { Viewer } from "./viewer";

/**
 * Who may do what with a roadmap itself — its content, its draft, following it. (A learner's
 * progress on a roadmap is theirs: access.ts decides who sees that.) Every read and write of
 * a roadmap resolves the viewer's role here and asks the table.
 *
 * - owner: its author, on every version and the draft.
 * - follower: someone who follows it; keeps reading it if the author later makes it private.
 * - assignee: a learner a mentor assigned it to, while the assignment is pending or accepted.
 * - reader: anyone else, on a built-in or public roadmap, or an unlisted one opened by its
 *   address (an unlisted roadmap's address carries a random part that is the permission).
 * A roadmap never published exists only for its owner.
 */
export const ROADMAP_ROLES = ["owner", "follower", "assignee", "reader"] as const;
export type RoadmapRole = (typeof ROADMAP_ROLES)[number];

export const ROADMAP_PERMISSIONS = ["view", "follow", "copy", "edit"] as const;
export type RoadmapPermission = (typeof ROADMAP_PERMISSIONS)[number];

export const ROADMAP_POLICY = {
  owner: { view: true, follow: true, copy: true, edit: true },
  follower: { view: true, follow: true, copy: true, edit: false },
  assignee: { view: true, follow: true, copy: true, edit: false },
  reader: { view: true, follow: true, copy: true, edit: false },
} as const satisfies Record<RoadmapRole, Record<RoadmapPermission, boolean>>;

export type RoadmapRecord = {
  id: string;
  slug: string;
  title: string;
  builtIn: boolean;
  visibility: "private" | "unlisted" | "public";
  ownerId: string | null;
  publishedVersion: number;
  draftRevision: number;
};

declare const resolvedHere: unique symbol;

/** A viewer's standing to one roadmap; only this module makes one. */
export type RoadmapAccess = { roadmap: RoadmapRecord; role: RoadmapRole; following: boolean; assigned: boolean } & {
  readonly [resolvedHere]: true;
};

export const recordColumns = {
  id: roadmaps.id,
  slug: roadmaps.slug,
  title: roadmaps.title,
  builtIn: roadmaps.builtIn,
  visibility: roadmaps.visibility,
  ownerId: roadmaps.ownerId,
  publishedVersion: roadmaps.publishedVersion,
  draftRevision: roadmaps.draftRevision,
};

export function roadmapAllows(access: RoadmapAccess, permission: RoadmapPermission): boolean {
  return ROADMAP_POLICY[access.role][permission];
}

/** The one answer to anyone without access: it says nothing about whether the roadmap exists. */
export const noRoadmap = () => new AppError("NOT_FOUND", "There is no roadmap at this address.");

export function requireRoadmapPermission(access: RoadmapAccess, permission: RoadmapPermission): void {
  if (!roadmapAllows(access, permission)) throw noRoadmap();
}

/** The role a viewer has on a roadmap opened by its address, or null for none. */
export function roadmapRoleOf(
  roadmap: RoadmapRecord,
  viewerId: string | null,
  { following, assigned }: { following: boolean; assigned: boolean },
): RoadmapRole | null {
  if (viewerId !== null && roadmap.ownerId === viewerId) return "owner";
  if (roadmap.publishedVersion === 0 && !roadmap.builtIn) return null;
  if (following) return "follower";
  if (assigned) return "assignee";
  if (roadmap.builtIn || roadmap.visibility !== "private") return "reader";
  return null;
}

const followedBy = (viewerId: string) =>
  exists(
    getDb()
      .select({ one: sql`1` })
      .from(enrollments)
      .where(and(eq(enrollments.roadmapId, roadmaps.id), eq(enrollments.userId, viewerId))),
  ).mapWith(Boolean) as SQL<boolean>;

const assignedTo = (viewerId: string) =>
  exists(
    getDb()
      .select({ one: sql`1` })
      .from(roadmapAssignments)
      .where(
        and(
          eq(roadmapAssignments.roadmapId, roadmaps.id),
          eq(roadmapAssignments.learnerId, viewerId),
          ne(roadmapAssignments.status, "declined"),
        ),
      ),
  ).mapWith(Boolean) as SQL<boolean>;

/** The columns roadmapRoleOf needs, for a query that reads them beside its own. */
export const accessColumns = (viewerId: string | null) => ({
  ...recordColumns,
  following: viewerId === null ? sql<boolean>`false` : followedBy(viewerId),
  assigned: viewerId === null ? sql<boolean>`false` : assignedTo(viewerId),
});

/**
 * Roadmaps a catalogue lists for the viewer: built-in and public ones, their own (drafts
 * included), and the ones they follow or were assigned. Unlisted roadmaps appear only to their owner and
 * followers. Reused by every query that lists roadmaps.
 */
export function listedRoadmapsFor(viewerId: string | null): SQL {
  const everyone = or(
    eq(roadmaps.builtIn, true),
    and(eq(roadmaps.visibility, "public"), gt(roadmaps.publishedVersion, 0)),
  );
  if (viewerId === null) return everyone!;
  return or(everyone, eq(roadmaps.ownerId, viewerId), followedBy(viewerId), assignedTo(viewerId))!;
}

/**
 * The viewer's access to the roadmap at an address (one statement, read once per request),
 * or null when they have none or there is no such roadmap: callers answer both alike.
 */
export const findRoadmapAccess = cache(async (viewerId: string | null, slug: string): Promise<RoadmapAccess | null> => {
  // Anything else was never an address of a roadmap, and is not looked up.
  if (!isSlug(slug)) return null;
  const [row] = await getDb().select(accessColumns(viewerId)).from(roadmaps).where(eq(roadmaps.slug, slug));
  if (!row) return null;
  const { following, assigned, ...roadmap } = row;
  const role = roadmapRoleOf(roadmap, viewerId, { following, assigned });
  return role && ({ roadmap, role, following, assigned } as RoadmapAccess);
});

/** Like findRoadmapAccess, for one permission; anyone without it gets the same not-found. */
export async function requireRoadmapAccess({
  viewer,
  slug,
  permission,
}: {
  viewer: Viewer | null;
  slug: string;
  permission: RoadmapPermission;
}): Promise<RoadmapAccess> {
  const access = await findRoadmapAccess(viewer?.id ?? null, slug);
  if (!access) throw noRoadmap();
  requireRoadmapPermission(access, permission);
  return access;
}

/** Inside a write: the roadmap row is locked until the transaction ends (publishing, editing the draft). */
export async function lockRoadmapForEdit(tx: Transaction, viewer: Viewer, roadmapId: string): Promise<RoadmapAccess> {
  if (!couldBeRowId(roadmapId)) throw noRoadmap();
  const [row] = await tx.select(recordColumns).from(roadmaps).where(eq(roadmaps.id, roadmapId)).for("update");
  const role = row ? roadmapRoleOf(row, viewer.id, { following: false, assigned: false }) : null;
  if (!row || !role) throw noRoadmap();
  const access = { roadmap: row, role, following: false, assigned: false } as RoadmapAccess;
  requireRoadmapPermission(access, "edit");
  return access;
}

/**
 * Whether a milestone exists for the viewer: it is on a roadmap they may view. For writes that
 * name a milestone by id (a note, an evidence link): an id alone grants nothing.
 */
export async function milestoneVisibleTo(tx: Transaction, viewerId: string, milestoneId: string): Promise<boolean> {
  const [row] = await tx
    .select(accessColumns(viewerId))
    .from(milestones)
    .innerJoin(roadmaps, eq(roadmaps.id, milestones.roadmapId))
    .where(eq(milestones.id, milestoneId));
  if (!row) return false;
  const { following, assigned, ...roadmap } = row;
  return roadmapRoleOf(roadmap, viewerId, { following, assigned }) !== null;
}
