/*
 * Progress maths: pure functions shared by the server (dashboard) and the browser
 * (optimistic ticks), so both always agree on what a learner sees.
 */
export const MILESTONE_STATUSES = ["not_started", "in_progress", "done", "skipped"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const STATUS_LABELS: Record<MilestoneStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  done: "Done",
  skipped: "Skipped",
};

/** A learner's statuses by milestone id; a missing id means not started. */
export type StatusMap = Readonly<Record<string, MilestoneStatus>>;

export type ProgressCounts = {
  total: number;
  done: number;
  inProgress: number;
  skipped: number;
  notStarted: number;
  /** Whole percent of milestones done; skipped ones are not done. */
  percent: number;
};

export function statusOf(statuses: StatusMap, milestoneId: string): MilestoneStatus {
  return statuses[milestoneId] ?? "not_started";
}

/** Rounds down so that 100% is only ever shown when every milestone is done. */
export function percentDone(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.floor((Math.min(done, total) * 100) / total);
}

export function countProgress(milestoneIds: readonly string[], statuses: StatusMap): ProgressCounts {
  const counts = { total: milestoneIds.length, done: 0, inProgress: 0, skipped: 0, notStarted: 0 };
  for (const id of milestoneIds) {
    const status = statusOf(statuses, id);
    if (status === "done") counts.done += 1;
    else if (status === "in_progress") counts.inProgress += 1;
    else if (status === "skipped") counts.skipped += 1;
    else counts.notStarted += 1;
  }
  return { ...counts, percent: percentDone(counts.done, counts.total) };
}

/** The current milestones of a roadmap, stage by stage, in order. Retired ones are left out. */
export type RoadmapOutline = ReadonlyArray<{ id: string; milestoneIds: readonly string[] }>;

/** The outline of any stage list whose milestones carry ids. */
export function outlineOf(
  stages: ReadonlyArray<{ id: string; milestones: ReadonlyArray<{ id: string }> }>,
): RoadmapOutline {
  return stages.map((stage) => ({ id: stage.id, milestoneIds: stage.milestones.map((milestone) => milestone.id) }));
}

export type RoadmapProgress = {
  overall: ProgressCounts;
  stages: Record<string, ProgressCounts>;
};

export function summarizeRoadmap(outline: RoadmapOutline, statuses: StatusMap): RoadmapProgress {
  const stages: Record<string, ProgressCounts> = {};
  for (const stage of outline) stages[stage.id] = countProgress(stage.milestoneIds, statuses);
  return {
    overall: countProgress(
      outline.flatMap((stage) => stage.milestoneIds),
      statuses,
    ),
    stages,
  };
}

/** The first milestone in roadmap order that is neither done nor skipped. */
export function findNextMilestoneId(outline: RoadmapOutline, statuses: StatusMap): string | null {
  for (const stage of outline) {
    for (const id of stage.milestoneIds) {
      const status = statusOf(statuses, id);
      if (status !== "done" && status !== "skipped") return id;
    }
  }
  return null;
}

/** The stage a learner is working in: the first one with anything left to do. */
export function findCurrentStageId(outline: RoadmapOutline, statuses: StatusMap): string | null {
  const nextId = findNextMilestoneId(outline, statuses);
  return outline.find((stage) => nextId !== null && stage.milestoneIds.includes(nextId))?.id ?? null;
}

export type ProgressTimestamps = { startedAt: Date | null; completedAt: Date | null };

/**
 * When a milestone was started and finished, carried across status changes: starting
 * is remembered through later changes, finishing only while the milestone stays done.
 */
export function nextProgressTimestamps(
  previous: ProgressTimestamps,
  to: MilestoneStatus,
  now: Date,
): ProgressTimestamps {
  if (to === "not_started") return { startedAt: null, completedAt: null };
  if (to === "skipped") return { startedAt: previous.startedAt, completedAt: null };
  const startedAt = previous.startedAt ?? now;
  return { startedAt, completedAt: to === "done" ? (previous.completedAt ?? now) : null };
}

/** "0–3 months", "6–12 months", "1+ year": how the roadmap names a stage's time window. */
export function formatStageWindow(startMonth: number | null, endMonth: number | null): string {
  if (startMonth === null) return "no set time";
  if (endMonth === null) {
    return startMonth % 12 === 0 && startMonth > 0
      ? `${startMonth / 12}+ year${startMonth === 12 ? "" : "s"}`
      : `${startMonth}+ months`;
  }
  return `${startMonth}–${endMonth} months`;
}
