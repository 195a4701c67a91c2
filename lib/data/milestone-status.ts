import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Transaction } from "../../db/client";
import { milestoneProgress, milestones, roadmaps } from "../../db/schema";
import { AppError } from "../domain/errors";
import { nextProgressTimestamps, type MilestoneStatus } from "../domain/progress-math";
import { lockLearner } from "./internal/learner-lock";
import { writeStatusChange } from "./internal/progress-writes";
import { currentMentorIds, notify } from "./notifications";
import { accessColumns, roadmapRoleOf } from "./roadmap-access";
import { findCurrentMilestone } from "./roadmaps";
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

/** The body of a status change, inside a transaction that already holds the learner's lock. */
export async function applyStatusChange(
  tx: Transaction,
  { viewer, milestoneId, status }: { viewer: Viewer; milestoneId: string; status: MilestoneStatus },
): Promise<StatusChange> {
  const milestone = await locateMilestone(tx, viewer, milestoneId);
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
  const written = await writeStatusChange(tx, {
    learnerId: viewer.id,
    milestoneId,
    roadmapId: milestone.roadmapId,
    stageId: milestone.stageId,
    fromStatus,
    status,
    timestamps,
    now,
  });
  // Decided under the learner's lock, so two last ticks arriving together are seen in order.
  if (isFinished(status) && written.othersUnfinishedInStage === 0) {
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
  viewer: Viewer,
  milestoneId: string,
): Promise<{ roadmapId: string; stageId: string; retired: boolean } | undefined> {
  const current = await findCurrentMilestone(tx, milestoneId);
  if (current) return { ...current, retired: false };
  const [row] = await tx
    .select({
      roadmapId: milestones.roadmapId,
      stageId: milestones.stageId,
      archivedAt: milestones.archivedAt,
      roadmap: accessColumns(viewer.id),
    })
    .from(milestones)
    .innerJoin(roadmaps, eq(roadmaps.id, milestones.roadmapId))
    .where(eq(milestones.id, milestoneId));
  // A milestone of a roadmap the viewer may not see is, to them, no milestone at all.
  if (!row) return undefined;
  const { following, assigned, ...roadmap } = row.roadmap;
  if (!roadmapRoleOf(roadmap, viewer.id, { following, assigned })) return undefined;
  return row && { roadmapId: row.roadmapId, stageId: row.stageId, retired: row.archivedAt !== null };
}
