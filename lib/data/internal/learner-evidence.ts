import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "../../../db/client";
import { milestoneEvidence, milestones, roadmaps } from "../../../db/schema";
import type { EvidenceView } from "../evidence";

/** A learner's evidence links on a roadmap, by milestone; callers have asked lib/data/access.ts whether the viewer may read them. */
export async function loadEvidence(learnerId: string, roadmapSlug: string): Promise<Record<string, EvidenceView[]>> {
  const rows = await getDb()
    .select({
      id: milestoneEvidence.id,
      milestoneId: milestoneEvidence.milestoneId,
      title: milestoneEvidence.title,
      url: milestoneEvidence.url,
      createdAt: milestoneEvidence.createdAt,
    })
    .from(milestoneEvidence)
    .innerJoin(milestones, eq(milestones.id, milestoneEvidence.milestoneId))
    .innerJoin(roadmaps, eq(roadmaps.id, milestones.roadmapId))
    .where(and(eq(milestoneEvidence.userId, learnerId), eq(roadmaps.slug, roadmapSlug)))
    .orderBy(asc(milestoneEvidence.createdAt), asc(milestoneEvidence.id));
  const byMilestone: Record<string, EvidenceView[]> = {};
  for (const { milestoneId, ...link } of rows) (byMilestone[milestoneId] ??= []).push(link);
  return byMilestone;
}
