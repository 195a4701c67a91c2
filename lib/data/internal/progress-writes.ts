import "server-only";
import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Transaction } from "../../../db/client";
import { refreshProgressSummary } from "../../../db/progress-summaries";
import {
  enrollments,
  milestoneProgress,
  milestoneReviews,
  milestones,
  progressEvents,
  roadmaps,
} from "../../../db/schema";
import type { LocalDate } from "../../domain/dates";
import type { MilestoneStatus } from "../../domain/progress-math";
import { insertInChunks } from "./insert-in-chunks";

/*
 * The only writers of a learner's progress rows and enrolments (ESLint holds everything else
 * in lib/ to that). Each one rebuilds the learner's summary on the roadmap in the same
 * transaction, so the mentor's table can't fall behind a writer that forgot. The caller holds
 * the learner's lock (./learner-lock.ts). The content sync in db/ rebuilds every summary of a
 * roadmap whose milestones it changed.
 */

/** A new follower starts on the version published now: only later versions are news to them. */
const publishedVersionOf = (roadmapId: string) =>
  sql<number>`(select ${roadmaps.publishedVersion} from ${roadmaps} where ${roadmaps.id} = ${roadmapId})`;

type StatusChangeWrite = {
  learnerId: string;
  milestoneId: string;
  roadmapId: string;
  stageId: string;
  fromStatus: MilestoneStatus;
  status: MilestoneStatus;
  timestamps: { startedAt: Date | null; completedAt: Date | null };
  now: Date;
};

/**
 * One statement for the change: the enrolment (first change on a roadmap), the progress row,
 * the event, and, when a finished milestone reopens, its review marks (a review vouches for
 * finished work); then the summary. Returns how many of the stage's other current milestones
 * were still to do before this change, which is what "this change finished the stage" needs.
 */
export async function writeStatusChange(
  tx: Transaction,
  change: StatusChangeWrite,
): Promise<{ othersUnfinishedInStage: number }> {
  const { learnerId, milestoneId, roadmapId, stageId, fromStatus, status, timestamps, now } = change;
  const enrolled = tx.$with("enrolled").as(
    tx
      .insert(enrollments)
      .values({ userId: learnerId, roadmapId, seenVersion: publishedVersionOf(roadmapId) })
      .onConflictDoNothing()
      .returning({ userId: enrollments.userId }),
  );
  const progressed = tx.$with("progressed").as(
    tx
      .insert(milestoneProgress)
      .values({ userId: learnerId, milestoneId, status, updatedAt: now, ...timestamps })
      .onConflictDoUpdate({
        target: [milestoneProgress.userId, milestoneProgress.milestoneId],
        set: { status, updatedAt: now, ...timestamps },
      })
      .returning({ userId: milestoneProgress.userId }),
  );
  const unreviewed = tx.$with("unreviewed").as(
    tx
      .delete(milestoneReviews)
      .where(and(eq(milestoneReviews.learnerId, learnerId), eq(milestoneReviews.milestoneId, milestoneId)))
      .returning({ learnerId: milestoneReviews.learnerId }),
  );
  const unfinishedOthers = tx
    .select({ count: sql<number>`count(*)::int` })
    .from(milestones)
    .leftJoin(
      milestoneProgress,
      and(eq(milestoneProgress.milestoneId, milestones.id), eq(milestoneProgress.userId, learnerId)),
    )
    .where(
      and(
        eq(milestones.stageId, stageId),
        isNull(milestones.archivedAt),
        ne(milestones.id, milestoneId),
        sql`coalesce(${milestoneProgress.status}, 'not_started') not in ('done', 'skipped')`,
      ),
    );
  const [written] = await tx
    .with(enrolled, progressed, ...(fromStatus === "done" ? [unreviewed] : []))
    .insert(progressEvents)
    .values({ userId: learnerId, actorId: learnerId, milestoneId, fromStatus, toStatus: status, createdAt: now })
    // A builder, not columns in a template: a returning list writes its columns without their table.
    .returning({ othersUnfinishedInStage: sql<number>`(${unfinishedOthers})` });
  await refreshProgressSummary(tx, { userId: learnerId, roadmapId });
  return written!;
}

export type RoadmapProgress = {
  enrollment: { startedAt: Date; plannedStart: LocalDate | null; targetDate: LocalDate | null };
  /** The milestones under way, done or skipped; the rest are not started and have no row. */
  milestones: { id: string; status: MilestoneStatus; startedAt: Date | null; completedAt: Date | null }[];
};

/**
 * Replaces everything the learner had on a roadmap's milestones (retired ones included:
 * milestoneIds lists them all) with `progress`; null stops following the roadmap, which
 * takes its summary with the enrolment.
 */
export async function replaceRoadmapProgress(
  tx: Transaction,
  {
    learnerId,
    roadmapId,
    milestoneIds,
    progress,
    now,
  }: { learnerId: string; roadmapId: string; milestoneIds: string[]; progress: RoadmapProgress | null; now: Date },
): Promise<void> {
  await tx
    .delete(milestoneProgress)
    .where(and(eq(milestoneProgress.userId, learnerId), inArray(milestoneProgress.milestoneId, milestoneIds)));
  if (!progress) {
    await tx.delete(enrollments).where(and(eq(enrollments.userId, learnerId), eq(enrollments.roadmapId, roadmapId)));
    return;
  }
  await tx
    .insert(enrollments)
    .values({ userId: learnerId, roadmapId, seenVersion: publishedVersionOf(roadmapId), ...progress.enrollment })
    .onConflictDoUpdate({ target: [enrollments.userId, enrollments.roadmapId], set: progress.enrollment });
  const started = progress.milestones.filter((milestone) => milestone.status !== "not_started");
  await insertInChunks(started, (chunk) =>
    tx.insert(milestoneProgress).values(
      chunk.map((milestone) => ({
        userId: learnerId,
        milestoneId: milestone.id,
        status: milestone.status,
        startedAt: milestone.startedAt,
        completedAt: milestone.completedAt,
        updatedAt: now,
      })),
    ),
  );
  await refreshProgressSummary(tx, { userId: learnerId, roadmapId });
}

/**
 * Follows a roadmap: its enrolment and summary. Following again after stopping picks up the
 * progress that stayed, and starts from the learner's first change on the roadmap, if any, so
 * pace counts from when they really began. False when they already followed it.
 */
export async function followRoadmap(
  tx: Transaction,
  { learnerId, roadmapId, now }: { learnerId: string; roadmapId: string; now: Date },
): Promise<boolean> {
  const firstChange = tx
    .select({ at: sql<Date>`min(${progressEvents.createdAt})` })
    .from(progressEvents)
    .innerJoin(milestones, eq(milestones.id, progressEvents.milestoneId))
    .where(and(eq(progressEvents.userId, learnerId), eq(milestones.roadmapId, roadmapId)));
  const followed = await tx
    .insert(enrollments)
    .values({
      userId: learnerId,
      roadmapId,
      seenVersion: publishedVersionOf(roadmapId),
      startedAt: sql`coalesce((${firstChange}), ${now.toISOString()}::timestamptz)`,
    })
    .onConflictDoNothing()
    .returning({ userId: enrollments.userId });
  if (followed.length === 0) return false;
  await refreshProgressSummary(tx, { userId: learnerId, roadmapId });
  return true;
}

/**
 * Stops following a roadmap: only the enrolment goes (and its summary with it). Progress rows,
 * events, notes and evidence stay, so following again shows them again. False when they didn't follow it.
 */
export async function unfollowRoadmap(
  tx: Transaction,
  { learnerId, roadmapId }: { learnerId: string; roadmapId: string },
): Promise<boolean> {
  const unfollowed = await tx
    .delete(enrollments)
    .where(and(eq(enrollments.userId, learnerId), eq(enrollments.roadmapId, roadmapId)))
    .returning({ userId: enrollments.userId });
  return unfollowed.length > 0;
}
