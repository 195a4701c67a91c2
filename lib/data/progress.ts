import { and, asc, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Transaction } from "../../db/client";
import { enrollments, milestoneProgress, milestones, progressEvents, roadmaps, stages } from "../../db/schema";
import { AppError } from "../errors";
import {
  findCurrentStageId,
  findNextMilestoneId,
  nextProgressTimestamps,
  outlineOf,
  summarizeRoadmap,
  type MilestoneStatus,
  type ProgressCounts,
  type StatusMap,
} from "../progress";
import { currentMentorIds, notify } from "./notifications";
import type { Viewer } from "./viewer";

export type StatusChange = { milestoneId: string; status: MilestoneStatus; changed: boolean };

/**
 * Sets the viewer's status on a milestone: the progress row and its event are written in
 * one transaction, with the row locked so concurrent changes each record the status they
 * really moved from. Setting the status a milestone already has records nothing.
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
    const [milestone] = await tx
      .select({ roadmapId: milestones.roadmapId, stageId: milestones.stageId, archivedAt: milestones.archivedAt })
      .from(milestones)
      .where(eq(milestones.id, milestoneId));
    if (!milestone) throw new AppError("NOT_FOUND", "That milestone no longer exists. Reload the page.");

    const progressKey = and(eq(milestoneProgress.userId, viewer.id), eq(milestoneProgress.milestoneId, milestoneId));
    if (milestone.archivedAt) {
      // A retired milestone keeps the progress learners had on it; nobody starts one afresh.
      const [existing] = await tx
        .select({ status: milestoneProgress.status })
        .from(milestoneProgress)
        .where(progressKey);
      if (!existing) throw new AppError("NOT_FOUND", "That milestone has been retired from the roadmap.");
    }

    await tx.insert(enrollments).values({ userId: viewer.id, roadmapId: milestone.roadmapId }).onConflictDoNothing();
    await tx
      .insert(milestoneProgress)
      .values({ userId: viewer.id, milestoneId, status: "not_started" })
      .onConflictDoNothing();
    const [current] = await tx.select().from(milestoneProgress).where(progressKey).for("update");
    if (!current) throw new Error("progress row missing after upsert");
    if (current.status === status) return { milestoneId, status, changed: false };

    const now = new Date();
    await tx
      .update(milestoneProgress)
      .set({ status, updatedAt: now, ...nextProgressTimestamps(current, status, now) })
      .where(progressKey);
    await tx.insert(progressEvents).values({
      userId: viewer.id,
      actorId: viewer.id,
      milestoneId,
      fromStatus: current.status,
      toStatus: status,
      createdAt: now,
    });
    if (status === "done" && (await isStageComplete(tx, viewer.id, milestone.stageId))) {
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
  });
}

async function isStageComplete(tx: Transaction, learnerId: string, stageId: string): Promise<boolean> {
  const [row] = await tx
    .select({ remaining: count() })
    .from(milestones)
    .leftJoin(
      milestoneProgress,
      and(eq(milestoneProgress.milestoneId, milestones.id), eq(milestoneProgress.userId, learnerId)),
    )
    .where(
      and(
        eq(milestones.stageId, stageId),
        isNull(milestones.archivedAt),
        sql`coalesce(${milestoneProgress.status}, 'not_started') <> 'done'`,
      ),
    );
  return (row?.remaining ?? 1) === 0;
}

/** The viewer's own progress events, in the order they happened. */
export async function listProgressEventsForViewer({ viewer, limit = 50 }: { viewer: Viewer; limit?: number }) {
  return getDb()
    .select({
      id: progressEvents.id,
      milestoneId: progressEvents.milestoneId,
      fromStatus: progressEvents.fromStatus,
      toStatus: progressEvents.toStatus,
      createdAt: progressEvents.createdAt,
    })
    .from(progressEvents)
    .where(eq(progressEvents.userId, viewer.id))
    .orderBy(asc(progressEvents.id))
    .limit(limit);
}

export type DashboardStage = {
  id: string;
  title: string;
  startMonth: number;
  endMonth: number | null;
  progress: ProgressCounts;
};

export type DashboardRoadmap = {
  slug: string;
  title: string;
  startedAt: Date;
  overall: ProgressCounts;
  stages: DashboardStage[];
  currentStageTitle: string | null;
  next: { id: string; slug: string; title: string; stageTitle: string } | null;
};

/** The roadmaps the viewer follows, with overall and per-stage progress and what to do next. */
export async function getDashboardForViewer({ viewer }: { viewer: Viewer }): Promise<DashboardRoadmap[]> {
  const db = getDb();
  const followed = await db
    .select({ roadmapId: enrollments.roadmapId, startedAt: enrollments.startedAt })
    .from(enrollments)
    .where(eq(enrollments.userId, viewer.id));
  if (followed.length === 0) return [];
  const roadmapIds = followed.map((row) => row.roadmapId);

  const [roadmapRows, progressRows] = await Promise.all([
    db.query.roadmaps.findMany({
      where: inArray(roadmaps.id, roadmapIds),
      orderBy: asc(roadmaps.title),
      columns: { id: true, slug: true, title: true },
      with: {
        stages: {
          where: isNull(stages.archivedAt),
          orderBy: asc(stages.position),
          columns: { id: true, title: true, startMonth: true, endMonth: true },
          with: {
            milestones: {
              where: isNull(milestones.archivedAt),
              orderBy: asc(milestones.position),
              columns: { id: true, slug: true, title: true },
            },
          },
        },
      },
    }),
    db
      .select({ milestoneId: milestoneProgress.milestoneId, status: milestoneProgress.status })
      .from(milestoneProgress)
      .where(and(eq(milestoneProgress.userId, viewer.id), ne(milestoneProgress.status, "not_started"))),
  ]);

  const statuses: StatusMap = Object.fromEntries(progressRows.map((row) => [row.milestoneId, row.status]));
  const startedAtById = new Map(followed.map((row) => [row.roadmapId, row.startedAt]));

  return roadmapRows.map((roadmap) => {
    const outline = outlineOf(roadmap.stages);
    const summary = summarizeRoadmap(outline, statuses);
    const nextId = findNextMilestoneId(outline, statuses);
    const currentStageId = findCurrentStageId(outline, statuses);
    const nextStage = roadmap.stages.find((stage) => stage.milestones.some((m) => m.id === nextId));
    const nextMilestone = nextStage?.milestones.find((m) => m.id === nextId);
    return {
      slug: roadmap.slug,
      title: roadmap.title,
      startedAt: startedAtById.get(roadmap.id)!,
      overall: summary.overall,
      stages: roadmap.stages.map((stage) => ({
        id: stage.id,
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
