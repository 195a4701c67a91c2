import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "../../db/client";
import { shareLinks } from "../../db/schema";
import { AppError } from "../domain/errors";
import type { StatusMap } from "../domain/progress-math";
import { allows, findShareTokenAccess, requirePermission } from "./access";
import { loadLearnerRoadmap } from "./internal/learner-roadmap";
import { loadEvidence } from "./internal/learner-evidence";
import { findRoadmapAccess, requireRoadmapAccess } from "./roadmap-access";
import type { RoadmapView } from "./roadmaps";
import type { Viewer } from "./viewer";

export type ShareLinkView = { token: string; includeEvidence: boolean; createdAt: Date };

export type SharedProgress =
  | { state: "missing" }
  | { state: "revoked" }
  | {
      state: "shared";
      learnerName: string;
      roadmap: Omit<RoadmapView, "retired">;
      statuses: StatusMap;
      /** Present only when the learner chose to publish their evidence links. */
      evidence: Record<string, { title: string; url: string }[]> | null;
    };

/** 192 random bits: a link nobody can guess or enumerate. */
function newToken(): string {
  return randomBytes(24).toString("base64url");
}

const activeLink = (userId: string, roadmapId: string) =>
  and(eq(shareLinks.userId, userId), eq(shareLinks.roadmapId, roadmapId), isNull(shareLinks.revokedAt));

const linkColumns = {
  token: shareLinks.token,
  includeEvidence: shareLinks.includeEvidence,
  createdAt: shareLinks.createdAt,
};

/**
 * Publishes the viewer's progress on a roadmap, or changes what an existing link shows.
 * Publishing again keeps the same address, so links already handed out keep working.
 */
export async function publishShareLink({
  viewer,
  roadmapSlug,
  includeEvidence,
}: {
  viewer: Viewer;
  roadmapSlug: string;
  includeEvidence: boolean;
}): Promise<ShareLinkView> {
  const { roadmap } = await requireRoadmapAccess({ viewer, slug: roadmapSlug, permission: "view" });
  if (roadmap.publishedVersion === 0) {
    throw new AppError("CONFLICT", "Publish this roadmap before sharing progress on it.");
  }
  const roadmapId = roadmap.id;
  return getDb().transaction(async (tx) => {
    const [updated] = await tx
      .update(shareLinks)
      .set({ includeEvidence })
      .where(activeLink(viewer.id, roadmapId))
      .returning(linkColumns);
    if (updated) return updated;
    const [created] = await tx
      .insert(shareLinks)
      .values({ token: newToken(), userId: viewer.id, roadmapId, includeEvidence })
      .onConflictDoNothing()
      .returning(linkColumns);
    if (created) return created;
    // Another tab published at the same moment: that link is the one.
    const [existing] = await tx.select(linkColumns).from(shareLinks).where(activeLink(viewer.id, roadmapId));
    return existing!;
  });
}

/** Ends the viewer's public link on a roadmap; its address then says it is no longer shared. */
export async function revokeShareLink({ viewer, roadmapSlug }: { viewer: Viewer; roadmapSlug: string }) {
  const roadmapId = (await requireRoadmapAccess({ viewer, slug: roadmapSlug, permission: "view" })).roadmap.id;
  await getDb().update(shareLinks).set({ revokedAt: new Date() }).where(activeLink(viewer.id, roadmapId));
}

/**
 * What a public link shows. The token is the only permission: whoever holds it sees the
 * learner's name, statuses and (if chosen) evidence on that one roadmap, and never notes.
 */
export async function getSharedProgress(token: string): Promise<SharedProgress> {
  const link = await findShareTokenAccess(token);
  if (link.state !== "shared") return link;
  const { access, roadmapSlug } = link;
  requirePermission(access, "readProgress");
  // The link shows what its learner may still see: not a roadmap its author has since made private to them.
  if (!(await findRoadmapAccess(access.learnerId, roadmapSlug))) return { state: "revoked" };
  const [{ roadmap, statuses }, evidence] = await Promise.all([
    loadLearnerRoadmap(roadmapSlug, access.learnerId),
    allows(access, "readEvidence") ? loadEvidence(access.learnerId, roadmapSlug) : Promise.resolve(null),
  ]);
  const { retired: _retired, ...current } = roadmap;
  return {
    state: "shared",
    learnerName: link.learnerName?.trim() || "A Waymark learner",
    roadmap: current,
    statuses,
    evidence:
      evidence &&
      Object.fromEntries(
        Object.entries(evidence).map(([id, links]) => [id, links.map(({ title, url }) => ({ title, url }))]),
      ),
  };
}
