import "server-only";
import { and, eq, gte, ne, sql } from "drizzle-orm";
import { getDb, type Transaction } from "../../db/client";
import { refreshProgressSummary } from "../../db/progress-summaries";
import {
  enrollments,
  milestoneProgress,
  milestoneReviews,
  milestones,
  progressEvents,
  roadmaps,
  stageTargets,
  users,
} from "../../db/schema";
import { localDate, type LocalDate } from "../domain/dates";
import { computePace, RECENT_RATE_DAYS, type RoadmapPace } from "../domain/pace";
import { AppError } from "../domain/errors";
import {
  findCurrentStageId,
  findNextMilestoneId,
  nextProgressTimestamps,
  outlineOf,
  summarizeRoadmap,
  type MilestoneStatus,
  type ProgressCounts,
  type StatusMap,
} from "../domain/progress-math";
import { currentMentorIds, notify } from "./notifications";
import { findCurrentMilestone, loadRoadmapContent } from "./roadmaps";
import type { Viewer } from "./viewer";

export type StatusChange = { milestoneId: string; status: MilestoneStatus; changed: boolean };

/**
 * Sets the viewer's status on a milestone: the progress row and its event are written in
 * one transaction, under the learner's lock so concurrent changes each record the status
 * they really moved from. Setting the status a milestone already has records nothing.
 */
export async function setMilestoneStatus({
  viewer,
  milestoneId,
  status,
}: {
  viewer: Viewer;
  milestoneId: string;
  status: MilestoneStatus;
}): Promise<StatusChange> {
  return getDb().transaction(async (tx) => {
    await lockLearner(tx, viewer.id);
    return applyStatusChange(tx, { viewer, milestoneId, status });
  });
}

/**
 * One change at a time per learner: a status change, and an undo deciding which change is
 * the latest, never interleave (two tabs, two roadmaps).
 */
export async function lockLearner(tx: Transaction, learnerId: string): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, learnerId)).for("update");
}

/** The body of a status change, inside a transaction that already holds the learner's lock. */
export async function applyStatusChange(
  tx: Transaction,
  { viewer, milestoneId, status }: { viewer: Viewer; milestoneId: string; status: MilestoneStatus },
): Promise<StatusChange> {
  const milestone = await locateMilestone(tx, milestoneId);
  if (!milestone) throw new AppError("NOT_FOUND", "That milestone no longer exists. Reload the page.");

  const progressKey = and(eq(milestoneProgress.userId, viewer.id), eq(milestoneProgress.milestoneId, milestoneId));
  const [current] = await tx
    .select({
      status: milestoneProgress.status,
      startedAt: milestoneProgress.startedAt,
      completedAt: milestoneProgress.completedAt,
    })
    .from(milestoneProgress)
    .where(progressKey);
  // A retired milestone keeps the progress learners had on it; nobody starts one afresh.
  if (milestone.retired && !current)
    throw new AppError("NOT_FOUND", "That milestone has been retired from the roadmap.");
  const fromStatus = current?.status ?? "not_started";
  if (fromStatus === status) return { milestoneId, status, changed: false };

  const now = new Date();
  const timestamps = nextProgressTimestamps(current ?? { startedAt: null, completedAt: null }, status, now);
  const [written] = await writeStatusChange(tx, {
    learnerId: viewer.id,
    milestoneId,
    roadmapId: milestone.roadmapId,
    stageId: milestone.stageId,
    fromStatus,
    status,
    timestamps,
    now,
  });
  await refreshProgressSummary(tx, { userId: viewer.id, roadmapId: milestone.roadmapId });
  // Decided under the learner's lock, so two last ticks arriving together are seen in order.
  if (isFinished(status) && written?.othersUnfinishedInStage === 0) {
    const mentorIds = await currentMentorIds(tx, viewer.id);
    await notify(
      tx,
      mentorIds.map((userId) => ({
        userId,
        kind: "stage_completed" as const,
        actorId: viewer.id,
        learnerId: viewer.id,
        stageId: milestone.stageId,
      })),
    );
  }
  return { milestoneId, status, changed: true };
}

const isFinished = (status: MilestoneStatus) => status === "done" || status === "skipped";

async function locateMilestone(
  tx: Transaction,
  milestoneId: string,
): Promise<{ roadmapId: string; stageId: string; retired: boolean } | undefined> {
  const current = await findCurrentMilestone(tx, milestoneId);
  if (current) return { ...current, retired: false };
  const [row] = await tx
    .select({ roadmapId: milestones.roadmapId, stageId: milestones.stageId, archivedAt: milestones.archivedAt })
    .from(milestones)
    .where(eq(milestones.id, milestoneId));
  return row && { roadmapId: row.roadmapId, stageId: row.stageId, retired: row.archivedAt !== null };
}

/**
 * One statement for the whole write: the enrolment (first change on a roadmap), the progress
 * row, the event, and, when a finished milestone reopens, its review marks (a review vouches
 * for finished work). It also counts the stage's other current milestones still to do, read
 * before this change, which is what "this change finished the stage" needs.
 */
function writeStatusChange(
  tx: Transaction,
  change: {
    learnerId: string;
    milestoneId: string;
    roadmapId: string;
    stageId: string;
    fromStatus: MilestoneStatus;
    status: MilestoneStatus;
    timestamps: { startedAt: Date | null; completedAt: Date | null };
    now: Date;
  },
) {
  const { learnerId, milestoneId, roadmapId, stageId, fromStatus, status, timestamps, now } = change;
  const enrolled = tx
    .$with("enrolled")
    .as(
      tx
        .insert(enrollments)
        .values({ userId: learnerId, roadmapId })
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
  const others = sql<number>`(
    select count(*)::int from milestones m
    left join milestone_progress p on p.milestone_id = m.id and p.user_id = ${learnerId}
    where m.stage_id = ${stageId} and m.archived_at is null and m.id <> ${milestoneId}
      and coalesce(p.status, 'not_started') not in ('done', 'skipped'))`;
  return tx
    .with(enrolled, progressed, ...(fromStatus === "done" ? [unreviewed] : []))
    .insert(progressEvents)
    .values({ userId: learnerId, actorId: learnerId, milestoneId, fromStatus, toStatus: status, createdAt: now })
    .returning({ othersUnfinishedInStage: others });
}

export type DashboardStage = {
  id: string;
  slug: string;
  title: string;
  startMonth: number;
  endMonth: number | null;
  progress: ProgressCounts;
};

export type DashboardRoadmap = {
  slug: string;
  title: string;
  startedAt: Date;
  /** The learner's first activity as a day in their zone: the default start for pace. */
  firstActivityDay: LocalDate;
  pace: RoadmapPace;
  paceSettings: {
    plannedStart: LocalDate | null;
    targetDate: LocalDate | null;
    stageTargets: Record<string, LocalDate>;
  };
  overall: ProgressCounts;
  stages: DashboardStage[];
  currentStageTitle: string | null;
  next: { id: string; slug: string; title: string; stageTitle: string } | null;
};

/**
 * The roadmaps the viewer follows, with overall and per-stage progress, pace against the
 * stage windows (in the viewer's time zone), and what to do next.
 */
export async function getDashboardForViewer({
  viewer,
  now = new Date(),
}: {
  viewer: Viewer;
  now?: Date;
}): Promise<DashboardRoadmap[]> {
  const db = getDb();
  const followed = await db
    .select({
      roadmapId: enrollments.roadmapId,
      roadmapSlug: roadmaps.slug,
      startedAt: enrollments.startedAt,
      plannedStart: enrollments.plannedStart,
      targetDate: enrollments.targetDate,
      timeZone: users.timeZone,
    })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .innerJoin(roadmaps, eq(roadmaps.id, enrollments.roadmapId))
    .where(eq(enrollments.userId, viewer.id));
  if (followed.length === 0) return [];
  const timeZone = followed[0]!.timeZone;
  const today = localDate(now, timeZone);
  const rateSince = new Date(now.getTime() - (RECENT_RATE_DAYS + 1) * 24 * 60 * 60 * 1000);

  const [contents, progressRows, recentEvents, targetRows] = await Promise.all([
    Promise.all(followed.map((row) => loadRoadmapContent(row.roadmapSlug))),
    db
      .select({ milestoneId: milestoneProgress.milestoneId, status: milestoneProgress.status })
      .from(milestoneProgress)
      .where(and(eq(milestoneProgress.userId, viewer.id), ne(milestoneProgress.status, "not_started"))),
    db
      .select({
        milestoneId: progressEvents.milestoneId,
        toStatus: progressEvents.toStatus,
        at: progressEvents.createdAt,
      })
      .from(progressEvents)
      .where(and(eq(progressEvents.userId, viewer.id), gte(progressEvents.createdAt, rateSince))),
    db
      .select({ stageId: stageTargets.stageId, targetDate: stageTargets.targetDate })
      .from(stageTargets)
      .where(eq(stageTargets.userId, viewer.id)),
  ]);
  const stageTargetDates = Object.fromEntries(targetRows.map((row) => [row.stageId, row.targetDate]));
  const roadmapRows = contents
    .flatMap((content) => (content ? [content] : []))
    .sort((a, b) => a.title.localeCompare(b.title));

  const statuses: StatusMap = Object.fromEntries(progressRows.map((row) => [row.milestoneId, row.status]));
  const enrollmentById = new Map(followed.map((row) => [row.roadmapId, row]));

  return roadmapRows.map((roadmap) => {
    const outline = outlineOf(roadmap.stages);
    const summary = summarizeRoadmap(outline, statuses);
    const nextId = findNextMilestoneId(outline, statuses);
    const currentStageId = findCurrentStageId(outline, statuses);
    const nextStage = roadmap.stages.find((stage) => stage.milestones.some((m) => m.id === nextId));
    const nextMilestone = nextStage?.milestones.find((m) => m.id === nextId);
    const enrollment = enrollmentById.get(roadmap.id)!;
    const milestoneIds = new Set(outline.flatMap((stage) => stage.milestoneIds));
    const ownTargets = Object.fromEntries(
      roadmap.stages.flatMap((stage) => (stageTargetDates[stage.id] ? [[stage.id, stageTargetDates[stage.id]!]] : [])),
    );
    const firstActivityDay = localDate(enrollment.startedAt, timeZone);
    const pace = computePace({
      start: enrollment.plannedStart ?? firstActivityDay,
      stages: roadmap.stages,
      counts: summary.stages,
      events: recentEvents.filter((event) => milestoneIds.has(event.milestoneId)),
      today,
      timeZone,
      roadmapTarget: enrollment.targetDate,
      stageTargets: ownTargets,
    });
    return {
      slug: roadmap.slug,
      title: roadmap.title,
      startedAt: enrollment.startedAt,
      firstActivityDay,
      pace,
      paceSettings: {
        plannedStart: enrollment.plannedStart,
        targetDate: enrollment.targetDate,
        stageTargets: ownTargets,
      },
      overall: summary.overall,
      stages: roadmap.stages.map((stage) => ({
        id: stage.id,
        slug: stage.slug,
        title: stage.title,
        startMonth: stage.startMonth,
        endMonth: stage.endMonth,
        progress: summary.stages[stage.id]!,
      })),
      currentStageTitle: roadmap.stages.find((stage) => stage.id === currentStageId)?.title ?? null,
      next:
        nextMilestone && nextStage
          ? { id: nextMilestone.id, slug: nextMilestone.slug, title: nextMilestone.title, stageTitle: nextStage.title }
          : null,
    };
  });
}
