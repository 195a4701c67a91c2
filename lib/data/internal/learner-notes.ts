import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "../../../db/client";
import { milestoneNotes, milestones, roadmaps } from "../../../db/schema";
import type { NoteView } from "../notes";

/** A learner's notes on a roadmap, by milestone; callers have asked lib/data/access.ts whether the viewer may read them. */
export async function loadNotes(learnerId: string, roadmapSlug: string): Promise<Record<string, NoteView>> {
  const rows = await getDb()
    .select({
      milestoneId: milestoneNotes.milestoneId,
      body: milestoneNotes.body,
      version: milestoneNotes.version,
      updatedAt: milestoneNotes.updatedAt,
    })
    .from(milestoneNotes)
    .innerJoin(milestones, eq(milestones.id, milestoneNotes.milestoneId))
    .innerJoin(roadmaps, eq(roadmaps.id, milestones.roadmapId))
    .where(and(eq(milestoneNotes.userId, learnerId), eq(roadmaps.slug, roadmapSlug)));
  return Object.fromEntries(rows.map(({ milestoneId, ...note }) => [milestoneId, note]));
}
