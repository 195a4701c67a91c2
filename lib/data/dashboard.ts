import "server-only";
import { and, eq, gte, ne } from "drizzle-orm";
import { getDb } from "../../db/client";
import { enrollments, milestoneProgress, progressEvents, roadmaps, stageTargets, users } from "../../db/schema";
import { localDate, type LocalDate } from "../domain/dates";
import { computePace, RECENT_RATE_DAYS, type RoadmapPace } from "../domain/pace";
import {
  findCurrentStageId,
  findNextMilestoneId,
  outlineOf,
  summarizeRoadmap,
  type ProgressCounts,
  type StatusMap,
} from "../domain/progress-math";
import { loadRoadmapContent } from "./roadmaps";
import { unseenChangesOf, unseenVersionsJson, type UnseenChanges } from "./roadmap-versions";
import type { Viewer } from "./viewer";

export type DashboardStage = {
  id: string;
  slug: string;
  title: string;
  startMonth: number | null;
  endMonth: number | null;
  progress: ProgressCounts;
};

export type DashboardRoadmap = {
  slug: string;
  title: string;
  startedAt: Date;
  /**
   * The learner's first activity as a day in their zone: the default start for pace. Shown only
   * as that default; the start shown everywhere else is `pace.start`.
   */
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
  /** What changed since the version the learner last acknowledged on the roadmap page. */
  unseenChanges: UnseenChanges | null;
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
      publishedVersion: roadmaps.publishedVersion,
      startedAt: enrollments.startedAt,
      plannedStart: enrollments.plannedStart,
      targetDate: enrollments.targetDate,
      timeZone: users.timeZone,
      unseen: unseenVersionsJson(viewer.id, enrollments.roadmapId),
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
    Promise.all(
      followed.map((row) => loadRoadmapContent({ slug: row.roadmapSlug, publishedVersion: row.publishedVersion })),
    ),
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
      trackedSince: firstActivityDay,
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
      unseenChanges: unseenChangesOf(enrollment.unseen),
    };
  });
}
