import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull } from "drizzle-orm";
import { getDb } from "../../db/client";
import { enrollments, milestones, progressEvents, roadmaps, stageTargets, stages, users } from "../../db/schema";
import { isValidTimeZone, localDate, type LocalDate } from "../domain/dates";
import { AppError } from "../domain/errors";
import { stageTargetProblems } from "../domain/pace";
import { computeStreaks, dailyActivity, activeDays, type Streaks } from "../domain/streaks";
import { lockLearner } from "./internal/learner-lock";
import { applyStatusChange } from "./milestone-status";
import type { Viewer } from "./viewer";

export const HEATMAP_DAYS = 365;
const TIMELINE_LENGTH = 20;

/**
 * The order of the event log, newest first: by when each change happened, then by id for
 * changes at the same instant. Never by id alone, since an import adds old changes with new
 * ids. The timeline, "Undo" and a mentor's recent activity all read it this way.
 */
export const newestEventsFirst = [desc(progressEvents.createdAt), desc(progressEvents.id)] as const;

async function getTimeZone(userId: string): Promise<string> {
  const [row] = await getDb().select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  return row?.timeZone ?? "UTC";
}

export type TimelineItem = {
  id: number;
  milestoneTitle: string;
  milestoneSlug: string;
  roadmapSlug: string;
  fromStatus: (typeof progressEvents.$inferSelect)["fromStatus"];
  toStatus: (typeof progressEvents.$inferSelect)["toStatus"];
  at: Date;
};

export type Activity = {
  timeZone: string;
  today: LocalDate;
  streaks: Streaks;
  heatmap: { day: LocalDate; count: number }[];
  activeDayCount: number;
  timeline: TimelineItem[];
  /** The change "Undo" would revert: always the viewer's latest, in the order of newestEventsFirst. */
  undoableEventId: number | null;
};

/** The viewer's history, all of it derived from the progress event log. */
export async function getActivityForViewer({
  viewer,
  now = new Date(),
}: {
  viewer: Viewer;
  now?: Date;
}): Promise<Activity> {
  const timeZone = await getTimeZone(viewer.id);
  const today = localDate(now, timeZone);
  // A day of margin on each side: the learner's "today" may differ from the server's.
  const since = new Date(now.getTime() - (HEATMAP_DAYS + 1) * 24 * 60 * 60 * 1000);
  const db = getDb();
  const [recent, timeline] = await Promise.all([
    db
      .select({ at: progressEvents.createdAt })
      .from(progressEvents)
      .where(and(eq(progressEvents.userId, viewer.id), gte(progressEvents.createdAt, since))),
    db
      .select({
        id: progressEvents.id,
        milestoneTitle: milestones.title,
        milestoneSlug: milestones.slug,
        roadmapSlug: roadmaps.slug,
        fromStatus: progressEvents.fromStatus,
        toStatus: progressEvents.toStatus,
        at: progressEvents.createdAt,
      })
      .from(progressEvents)
      .innerJoin(milestones, eq(milestones.id, progressEvents.milestoneId))
      .innerJoin(roadmaps, eq(roadmaps.id, milestones.roadmapId))
      .where(eq(progressEvents.userId, viewer.id))
      .orderBy(...newestEventsFirst)
      .limit(TIMELINE_LENGTH),
  ]);
  const instants = recent.map((row) => row.at);
  const heatmap = dailyActivity(instants, timeZone, today, HEATMAP_DAYS);
  return {
    timeZone,
    today,
    streaks: computeStreaks(activeDays(instants, timeZone), today),
    heatmap,
    activeDayCount: heatmap.filter((day) => day.count > 0).length,
    timeline,
    undoableEventId: timeline[0]?.id ?? null,
  };
}

/**
 * Reverts the viewer's latest change by recording the opposite change: the log stays
 * append-only. Refused when a newer change has happened since (another tab, say); the
 * learner's lock keeps a change from slipping in between the check and the write.
 */
export async function undoLastChange({ viewer, eventId }: { viewer: Viewer; eventId: number }) {
  return getDb().transaction(async (tx) => {
    await lockLearner(tx, viewer.id);
    const [latest] = await tx
      .select({ id: progressEvents.id, milestoneId: progressEvents.milestoneId, fromStatus: progressEvents.fromStatus })
      .from(progressEvents)
      .where(eq(progressEvents.userId, viewer.id))
      .orderBy(...newestEventsFirst)
      .limit(1);
    if (!latest || latest.id !== eventId) {
      throw new AppError(
        "CONFLICT",
        "Something changed since: only your latest change can be undone. Reload to see it.",
      );
    }
    return applyStatusChange(tx, { viewer, milestoneId: latest.milestoneId, status: latest.fromStatus });
  });
}

export type PaceSettingsInput = {
  roadmapSlug: string;
  plannedStart: LocalDate | null;
  targetDate: LocalDate | null;
  stageTargets: Record<string, LocalDate | null>;
  timeZone: string;
};

/** Saves the viewer's start date, targets and time zone; the roadmap must be one they follow. */
export async function setPaceSettings({ viewer, settings }: { viewer: Viewer; settings: PaceSettingsInput }) {
  if (!isValidTimeZone(settings.timeZone)) {
    throw new AppError("INVALID_INPUT", "Choose a time zone from the list.", {
      timeZone: ["Choose a time zone from the list."],
    });
  }
  const db = getDb();
  await db.transaction(async (tx) => {
    const [followed] = await tx
      .select({ roadmapId: enrollments.roadmapId, startedAt: enrollments.startedAt })
      .from(enrollments)
      .innerJoin(roadmaps, eq(roadmaps.id, enrollments.roadmapId))
      .where(and(eq(enrollments.userId, viewer.id), eq(roadmaps.slug, settings.roadmapSlug)));
    if (!followed) throw new AppError("NOT_FOUND", "Start the roadmap first: tick off a milestone.");

    const start = settings.plannedStart ?? localDate(followed.startedAt, settings.timeZone);
    const tooEarly = (date: LocalDate | null) => date !== null && date <= start;
    const fieldErrors: Record<string, string[]> = {};
    if (tooEarly(settings.targetDate)) fieldErrors.targetDate = ["Pick a date after your start date."];
    const stageRows = await tx
      .select({ id: stages.id, slug: stages.slug, startMonth: stages.startMonth, endMonth: stages.endMonth })
      .from(stages)
      .where(and(eq(stages.roadmapId, followed.roadmapId), isNull(stages.archivedAt)))
      .orderBy(asc(stages.position));
    const stageIdBySlug = new Map(stageRows.map((row) => [row.slug, row.id]));
    const targetsById: Record<string, LocalDate> = {};
    for (const [slug, date] of Object.entries(settings.stageTargets)) {
      const stageId = stageIdBySlug.get(slug);
      if (!stageId) throw new AppError("INVALID_INPUT", "That stage is not on this roadmap.");
      if (date) targetsById[stageId] = date;
    }
    const lateStarts = stageTargetProblems({
      start,
      stages: stageRows,
      roadmapTarget: tooEarly(settings.targetDate) ? null : settings.targetDate,
      stageTargets: targetsById,
    });
    for (const row of stageRows) {
      const problem = lateStarts[row.id];
      if (problem) fieldErrors[`stage-${row.slug}`] = [problem];
    }
    if (Object.keys(fieldErrors).length > 0) {
      throw new AppError("INVALID_INPUT", "Some dates need another look.", fieldErrors);
    }

    await tx.update(users).set({ timeZone: settings.timeZone }).where(eq(users.id, viewer.id));
    await tx
      .update(enrollments)
      .set({ plannedStart: settings.plannedStart, targetDate: settings.targetDate })
      .where(and(eq(enrollments.userId, viewer.id), eq(enrollments.roadmapId, followed.roadmapId)));
    const stageIds = [...stageIdBySlug.values()];
    if (stageIds.length > 0) {
      await tx
        .delete(stageTargets)
        .where(and(eq(stageTargets.userId, viewer.id), inArray(stageTargets.stageId, stageIds)));
    }
    const targets = Object.entries(settings.stageTargets).flatMap(([slug, date]) =>
      date ? [{ userId: viewer.id, stageId: stageIdBySlug.get(slug)!, targetDate: date }] : [],
    );
    if (targets.length > 0) await tx.insert(stageTargets).values(targets);
  });
}
