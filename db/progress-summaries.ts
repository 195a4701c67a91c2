import { and, eq, isNull, max, sql, type SQL } from "drizzle-orm";
import type { Database, Transaction } from "./client";
import { excluded } from "./excluded";
import { enrollments, learnerProgressSummaries, milestoneProgress, milestones, stages } from "./schema";

const progress = milestoneProgress;
const summary = learnerProgressSummaries;

const countWhere = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;

/**
 * Recomputes learner_progress_summaries from the progress rows and the current content:
 * for one learner and roadmap inside a status change, or for everyone after the content
 * changed. One statement either way, the same on both drivers.
 */
async function refresh(db: Database | Transaction, enrolled: SQL | undefined): Promise<void> {
  const unfinished = sql`coalesce(${progress.status}, 'not_started') not in ('done', 'skipped')`;
  const recomputed = db
    .select({
      userId: enrollments.userId,
      roadmapId: enrollments.roadmapId,
      total: sql<number>`count(${milestones.id})::int`.as("total"),
      done: countWhere(sql`${progress.status} = 'done'`).as("done"),
      inProgress: countWhere(sql`${progress.status} = 'in_progress'`).as("in_progress"),
      skipped: countWhere(sql`${progress.status} = 'skipped'`).as("skipped"),
      lastActivityAt: max(progress.updatedAt).as("last_activity_at"),
      oldestInProgressAt:
        sql<Date | null>`min(${progress.startedAt}) filter (where ${progress.status} = 'in_progress')`.as(
          "oldest_in_progress_at",
        ),
      currentStageId: sql<
        string | null
      >`(array_agg(${milestones.stageId} order by ${stages.position}, ${milestones.position})
        filter (where ${unfinished}))[1]`.as("current_stage_id"),
    })
    .from(enrollments)
    .leftJoin(milestones, and(eq(milestones.roadmapId, enrollments.roadmapId), isNull(milestones.archivedAt)))
    .leftJoin(stages, eq(stages.id, milestones.stageId))
    .leftJoin(progress, and(eq(progress.milestoneId, milestones.id), eq(progress.userId, enrollments.userId)))
    .where(enrolled)
    .groupBy(enrollments.userId, enrollments.roadmapId);
  await db
    .insert(summary)
    .select(recomputed)
    .onConflictDoUpdate({
      target: [summary.userId, summary.roadmapId],
      set: {
        total: excluded(summary.total),
        done: excluded(summary.done),
        inProgress: excluded(summary.inProgress),
        skipped: excluded(summary.skipped),
        lastActivityAt: excluded(summary.lastActivityAt),
        oldestInProgressAt: excluded(summary.oldestInProgressAt),
        currentStageId: excluded(summary.currentStageId),
      },
    });
}

export async function refreshProgressSummary(
  db: Database | Transaction,
  { userId, roadmapId }: { userId: string; roadmapId: string },
): Promise<void> {
  await refresh(db, and(eq(enrollments.userId, userId), eq(enrollments.roadmapId, roadmapId)));
}

/** Every learner's summary on a roadmap whose content just changed (milestones added, retired, moved). */
export async function refreshRoadmapProgressSummaries(db: Database | Transaction, roadmapId: string): Promise<void> {
  await refresh(db, eq(enrollments.roadmapId, roadmapId));
}
