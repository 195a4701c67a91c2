import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "../../../db/client";
import { milestoneProgress, milestones, progressEvents, users } from "../../../db/schema";
import { AppError } from "../../domain/errors";
import { milestoneDatesFromEvents, type MilestoneDates } from "../../domain/history";
import type { MilestoneStatus, StatusMap } from "../../domain/progress-math";
import { scalarSubquery } from "../scalar-subquery";
import {
  findPublishedRoadmap,
  loadRoadmapContent,
  roadmapViewOf,
  type PublishedRoadmap,
  type RoadmapView,
} from "../roadmaps";

/*
 * A learner's statuses and milestone dates on a roadmap, read without asking whether the
 * viewer may see them: the data layer's callers have asked lib/data/access.ts first.
 */

export type LearnerProgress = { statuses: StatusMap; dates: MilestoneDates };

export const statusesJson = (userId: string, roadmapId: string) =>
  scalarSubquery<{ milestoneId: string; status: MilestoneStatus }[]>(sql`
  select coalesce(json_agg(json_build_object('milestoneId', ${milestoneProgress.milestoneId},
    'status', ${milestoneProgress.status})), '[]'::json)
  from ${milestoneProgress} join ${milestones} on ${milestones.id} = ${milestoneProgress.milestoneId}
  where ${milestoneProgress.userId} = ${userId} and ${milestones.roadmapId} = ${roadmapId}
    and ${milestoneProgress.status} <> 'not_started'`);

// Replayed in order for the started and finished dates: time first, then id (see lib/data/insight.ts).
export const eventsJson = (userId: string, roadmapId: string) =>
  scalarSubquery<{ milestoneId: string; toStatus: MilestoneStatus; at: string }[]>(sql`
  select coalesce(json_agg(json_build_object('milestoneId', ${progressEvents.milestoneId},
    'toStatus', ${progressEvents.toStatus}, 'at', ${progressEvents.createdAt})
    order by ${progressEvents.createdAt}, ${progressEvents.id}), '[]'::json)
  from ${progressEvents} join ${milestones} on ${milestones.id} = ${progressEvents.milestoneId}
  where ${progressEvents.userId} = ${userId} and ${milestones.roadmapId} = ${roadmapId}`);

export function statusMapOf(rows: readonly { milestoneId: string; status: MilestoneStatus }[]): StatusMap {
  return Object.fromEntries(rows.map(({ milestoneId, status }) => [milestoneId, status]));
}

export function datesOf(events: readonly { milestoneId: string; toStatus: MilestoneStatus; at: string }[]) {
  return milestoneDatesFromEvents(events.map((event) => ({ ...event, at: new Date(event.at) })));
}

export async function requireRoadmapContent(roadmap: PublishedRoadmap | undefined) {
  const content = roadmap && (await loadRoadmapContent(roadmap));
  if (!content) throw new AppError("NOT_FOUND", "There is no roadmap at this address.");
  return content;
}

/** One learner's statuses and milestone dates on a roadmap, in one statement. */
export async function readLearnerProgress(learnerId: string, roadmapId: string): Promise<LearnerProgress> {
  const [row] = await getDb()
    .select({ statuses: statusesJson(learnerId, roadmapId), events: eventsJson(learnerId, roadmapId) })
    .from(users)
    .where(eq(users.id, learnerId));
  return { statuses: statusMapOf(row?.statuses ?? []), dates: datesOf(row?.events ?? []) };
}

/** A roadmap with one learner's statuses and milestone dates (one statement). */
export async function loadLearnerRoadmap(
  slug: string,
  learnerId: string,
): Promise<LearnerProgress & { roadmap: RoadmapView }> {
  const content = await requireRoadmapContent(await findPublishedRoadmap(slug));
  const progress = await readLearnerProgress(learnerId, content.id);
  return { roadmap: await roadmapViewOf(content, progress.statuses), ...progress };
}
