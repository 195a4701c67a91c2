import { addDays, addMonths, daysBetween, localDate, type LocalDate } from "./dates";
import type { MilestoneStatus } from "./progress-math";

/*
 * Pace against the stage windows (0–3, 3–6, 6–12 months, 1+ year). Skipped milestones are
 * not left to do, so for pace they count with the done ones; percentages of progress
 * elsewhere still count done milestones only.
 */
export type PaceStatus = "not_started" | "behind" | "on_track" | "ahead" | "complete";

export const PACE_LABELS: Record<PaceStatus, string> = {
  not_started: "Not started",
  behind: "Behind",
  on_track: "On track",
  ahead: "Ahead",
  complete: "Complete",
};

/** How far actual progress may drift from the expected before it counts as ahead or behind. */
export const PACE_TOLERANCE_PERCENT = 10;
/** Recent rate: milestones finished or skipped over this many days. */
export const RECENT_RATE_DAYS = 28;
/** An open-ended stage ("1+ year") is planned for this many months unless a target says otherwise. */
export const OPEN_STAGE_MONTHS = 12;

/** A stage its author gave no time window is planned right after the one before it, for this many months. */
export const UNTIMED_STAGE_MONTHS = 3;

/** A stage's window in months from the start; a null start: the author gave none. */
export type StageWindow = { id: string; startMonth: number | null; endMonth: number | null };

function monthsPlanned(stages: readonly StageWindow[]): { id: string; startMonth: number; endMonth: number }[] {
  let previousEnd = 0;
  return stages.map((stage) => {
    const startMonth = stage.startMonth ?? previousEnd;
    const endMonth =
      stage.startMonth === null
        ? startMonth + UNTIMED_STAGE_MONTHS
        : (stage.endMonth ?? startMonth + OPEN_STAGE_MONTHS);
    previousEnd = Math.max(previousEnd, endMonth);
    return { id: stage.id, startMonth, endMonth };
  });
}
export type PlannedStage = { id: string; plannedStart: LocalDate; plannedEnd: LocalDate };

/**
 * When each stage should start and end. By default the stage windows counted from the start
 * date; a roadmap target stretches or squeezes them all to end on it; a stage target moves
 * that stage's end (see stageTargetProblems for the targets that are refused).
 */
export function planStages({
  start,
  stages,
  roadmapTarget = null,
  stageTargets = {},
}: {
  start: LocalDate;
  stages: readonly StageWindow[];
  roadmapTarget?: LocalDate | null;
  stageTargets?: Readonly<Record<string, LocalDate>>;
}): PlannedStage[] {
  const defaults = monthsPlanned(stages).map((stage) => ({
    id: stage.id,
    startDays: daysBetween(start, addMonths(start, stage.startMonth)),
    endDays: daysBetween(start, addMonths(start, stage.endMonth)),
  }));
  const span = Math.max(1, ...defaults.map((stage) => stage.endDays));
  const scale = roadmapTarget ? Math.max(1, daysBetween(start, roadmapTarget)) / span : 1;
  return defaults.map((stage) => {
    const plannedStart = addDays(start, Math.round(stage.startDays * scale));
    const target = stageTargets[stage.id];
    const end = target ?? addDays(start, Math.round(stage.endDays * scale));
    return { id: stage.id, plannedStart, plannedEnd: end > plannedStart ? end : addDays(plannedStart, 1) };
  });
}

/** Stage targets that can't be planned: on or before the day the stage is due to start. */
export function stageTargetProblems(input: Parameters<typeof planStages>[0]): Record<string, string> {
  const plan = planStages({ ...input, stageTargets: {} });
  const problems: Record<string, string> = {};
  for (const stage of plan) {
    const target = input.stageTargets?.[stage.id];
    if (target && target < stage.plannedStart) {
      problems[stage.id] = `Pick a date on or after ${stage.plannedStart}, when this stage is planned to start.`;
    }
  }
  return problems;
}

/** The share of a planned window that has passed by `today`, in whole percent. */
export function expectedPercent(plannedStart: LocalDate, plannedEnd: LocalDate, today: LocalDate): number {
  if (today <= plannedStart) return 0;
  if (today >= plannedEnd) return 100;
  // Multiply before dividing: 29 / 100 * 100 is 28.999… in floating point.
  return Math.floor((daysBetween(plannedStart, today) * 100) / daysBetween(plannedStart, plannedEnd));
}

export type PaceCounts = { total: number; done: number; skipped: number; inProgress: number };

function handledPercent(counts: PaceCounts): number {
  return counts.total === 0 ? 100 : Math.floor(((counts.done + counts.skipped) * 100) / counts.total);
}

export function paceStatus(counts: PaceCounts, expected: number): PaceStatus {
  const handled = counts.done + counts.skipped;
  if (handled >= counts.total) return "complete";
  // Past the planned end with work left is behind, however little is left.
  if (expected >= 100) return "behind";
  const untouched = handled === 0 && counts.inProgress === 0;
  if (untouched && expected < PACE_TOLERANCE_PERCENT) return "not_started";
  const actual = handledPercent(counts);
  if (actual - expected >= PACE_TOLERANCE_PERCENT) return "ahead";
  if (expected - actual >= PACE_TOLERANCE_PERCENT) return "behind";
  return "on_track";
}

type FinishingEvent = { milestoneId?: string; toStatus: MilestoneStatus; at: Date };

/*
 * A projection extrapolates the recent rate, so it waits for enough of it. Both must hold:
 * - MIN_PROJECTION_DAYS tracked days: two weeks covers a weekly rhythm twice, so one burst
 *   (a first evening, or ticking off what the learner already knew) can't set a forecast for
 *   a two-year roadmap.
 * - MIN_PROJECTION_MILESTONES finished or skipped in the recent window: with one or two, a
 *   single milestone more or less moves the forecast by half or more.
 * Below either, the pace shows "Too early to project" and says what is missing.
 */
export const MIN_PROJECTION_DAYS = 14;
export const MIN_PROJECTION_MILESTONES = 3;

/** What the recent rate rests on: tracked days in its window, and milestones finished in them. */
export type RecentWork = { days: number; finished: number };

/**
 * Milestones finished or skipped recently, and over how many of the learner's days. A
 * milestone counts once, and only if its latest change in the window left it finished
 * (toggling it, or an undo, does not speed anyone up). The window is the last
 * RECENT_RATE_DAYS days, or fewer for a learner tracked since `since`.
 */
export function recentWork(
  events: ReadonlyArray<FinishingEvent>,
  today: LocalDate,
  timeZone: string,
  since?: LocalDate,
): RecentWork {
  const { from, days } = recentWindow(today, since);
  const latest = new Map<string, FinishingEvent>();
  for (const [index, event] of [...events].sort((a, b) => a.at.getTime() - b.at.getTime()).entries()) {
    const day = localDate(event.at, timeZone);
    if (day >= from && day <= today) latest.set(event.milestoneId ?? `event-${index}`, event);
  }
  const finished = [...latest.values()].filter((event) => event.toStatus === "done" || event.toStatus === "skipped");
  return { days, finished: finished.length };
}

/** The learner's days the recent rate is read over: the last RECENT_RATE_DAYS, or fewer since `since`. */
export function recentWindow(today: LocalDate, since?: LocalDate): { from: LocalDate; days: number } {
  const windowStart = addDays(today, -(RECENT_RATE_DAYS - 1));
  const from = since && since > windowStart ? since : windowStart;
  return { from, days: Math.max(0, daysBetween(from, today) + 1) };
}

/** Milestones finished or skipped per day recently (see recentWork); zero before any tracked day. */
export function recentRate(
  events: ReadonlyArray<FinishingEvent>,
  today: LocalDate,
  timeZone: string,
  since?: LocalDate,
): number {
  const work = recentWork(events, today, timeZone, since);
  return work.days === 0 ? 0 : work.finished / work.days;
}

/** When `remaining` milestones would be finished at `rate` per day; null when there is no recent rate. */
export function projectFinish(remaining: number, rate: number, today: LocalDate): LocalDate | null {
  if (remaining <= 0) return today;
  if (rate <= 0) return null;
  // The epsilon absorbs float error: 17 / (17 / 28) is 28.000000000000004, not 28.
  return addDays(today, Math.ceil(remaining / rate - 1e-9));
}

/** What is still missing before a projection: zero of both once there is enough evidence. */
export type ProjectionNeeds = { days: number; milestones: number };

/**
 * The evidence still needed to project. `trackedDays` counts today, so day one is 1; a start
 * in the future gives zero or less. The milestones asked for never exceed what is left.
 */
export function projectionNeeds(trackedDays: number, recentFinished: number, remaining: number): ProjectionNeeds {
  return {
    days: Math.max(0, MIN_PROJECTION_DAYS - trackedDays),
    milestones: Math.max(0, Math.min(MIN_PROJECTION_MILESTONES - recentFinished, remaining)),
  };
}

export const hasEnoughEvidence = (needs: ProjectionNeeds) => needs.days === 0 && needs.milestones === 0;

const plural = (count: number, one: string, many: string) => `${count} more ${count === 1 ? one : many}`;

/** What the learner can do to see a projected finish, as a sentence; null when nothing is missing. */
export function describeProjectionNeeds(needs: ProjectionNeeds): string | null {
  const milestones = needs.milestones > 0 ? `finish ${plural(needs.milestones, "milestone", "milestones")}` : null;
  const days = needs.days > 0 ? `keep going for ${plural(needs.days, "day", "days")}` : null;
  const steps = [milestones, days].filter(Boolean).join(" and ");
  return steps ? `${steps[0]!.toUpperCase()}${steps.slice(1)} to see a projected finish.` : null;
}

/** Why a row has no projected date, or that it has one. */
export type Projection = "projected" | "finished" | "not_started" | "too_early";

export type StagePace = {
  id: string;
  plannedStart: LocalDate;
  plannedEnd: LocalDate;
  expectedPercent: number;
  actualPercent: number;
  status: PaceStatus;
  projection: Projection;
  /** Set exactly when `projection` is "projected". */
  projectedFinish: LocalDate | null;
};

export type RoadmapPace = {
  stages: StagePace[];
  overall: StagePace;
  /** The one start date: the learner's chosen start, else the day they began the roadmap. */
  start: LocalDate;
  today: LocalDate;
  rate: number;
  /** What is missing before there is a projection; both zero once there is one. */
  needs: ProjectionNeeds;
};

const emptyCounts = (): PaceCounts => ({ total: 0, done: 0, skipped: 0, inProgress: 0 });

function sumCounts(counts: readonly PaceCounts[]): PaceCounts {
  return counts.reduce(
    (sum, c) => ({
      total: sum.total + c.total,
      done: sum.done + c.done,
      skipped: sum.skipped + c.skipped,
      inProgress: sum.inProgress + c.inProgress,
    }),
    emptyCounts(),
  );
}

/**
 * Whole-roadmap pace: each stage's expected share weighted by its milestones, since the plan
 * is uneven (more milestones early, long open stages late), not by calendar time alone.
 */
function overallPace(plan: readonly PlannedStage[], counts: readonly PaceCounts[], today: LocalDate) {
  const totals = sumCounts(counts);
  const weighted = plan.reduce(
    (sum, stage, index) =>
      sum + (counts[index]?.total ?? 0) * expectedPercent(stage.plannedStart, stage.plannedEnd, today),
    0,
  );
  const expected = totals.total === 0 ? 0 : Math.floor(weighted / totals.total);
  const plannedEnd = plan.reduce(
    (latest, stage) => (stage.plannedEnd > latest ? stage.plannedEnd : latest),
    plan[0]?.plannedEnd ?? today,
  );
  return { totals, expected, plannedEnd };
}

/**
 * Pace read from a projected finish, so that the two never disagree: behind exactly when the
 * projection lands after the planned end, ahead when it lands at least PACE_TOLERANCE_PERCENT
 * of the planned window before it, on track in between.
 */
export function projectedPaceStatus(
  projectedFinish: LocalDate,
  plannedStart: LocalDate,
  plannedEnd: LocalDate,
): PaceStatus {
  if (projectedFinish > plannedEnd) return "behind";
  const tolerance = Math.max(1, Math.ceil((daysBetween(plannedStart, plannedEnd) * PACE_TOLERANCE_PERCENT) / 100));
  return daysBetween(projectedFinish, plannedEnd) >= tolerance ? "ahead" : "on_track";
}

/** A start moved earlier than the first activity adds days to the plan, not evidence to the rate. */
const evidenceSince = (start: LocalDate, trackedSince: LocalDate) => (trackedSince > start ? trackedSince : start);

/**
 * The recent rate, what a projection still needs, and the projection it allows: one reading of
 * the evidence for the learner's pace and the mentor's table, so the two cannot disagree.
 */
function projector(work: RecentWork, since: LocalDate, today: LocalDate, totals: PaceCounts) {
  const rate = work.days === 0 ? 0 : work.finished / work.days;
  const needs = projectionNeeds(
    daysBetween(since, today) + 1,
    work.finished,
    totals.total - totals.done - totals.skipped,
  );
  const project = (remaining: number) => (hasEnoughEvidence(needs) ? projectFinish(remaining, rate, today) : null);
  return { rate, needs, project };
}

/**
 * Pace for every stage and the whole roadmap. Stages are projected in order: a stage is
 * expected to finish once it and every stage before it are worked through at the recent rate.
 * Only stages under way get a date, and only with enough evidence (see MIN_PROJECTION_DAYS);
 * a row with a date takes its status from it, the others from expected against actual today.
 * `trackedSince` is when the app began to see the learner's work (their first activity): a
 * start moved earlier than that adds days to the plan, not evidence to the rate.
 */
export function computePace({
  start,
  trackedSince = start,
  stages,
  counts,
  events,
  today,
  timeZone,
  roadmapTarget = null,
  stageTargets = {},
}: {
  start: LocalDate;
  trackedSince?: LocalDate;
  stages: readonly StageWindow[];
  counts: Readonly<Record<string, PaceCounts>>;
  events: ReadonlyArray<FinishingEvent>;
  today: LocalDate;
  timeZone: string;
  roadmapTarget?: LocalDate | null;
  stageTargets?: Readonly<Record<string, LocalDate>>;
}): RoadmapPace {
  const plan = planStages({ start, stages, roadmapTarget, stageTargets });
  const since = evidenceSince(start, trackedSince);
  const stageCounts = plan.map((planned) => counts[planned.id] ?? emptyCounts());
  const { totals, expected, plannedEnd } = overallPace(plan, stageCounts, today);
  const { rate, needs, project } = projector(recentWork(events, today, timeZone, since), since, today, totals);
  let remainingSoFar = 0;
  const stagePaces = plan.map((planned, index) => {
    const stageCount = stageCounts[index]!;
    remainingSoFar += Math.max(0, stageCount.total - stageCount.done - stageCount.skipped);
    const expectedNow = expectedPercent(planned.plannedStart, planned.plannedEnd, today);
    return paceOf(planned, stageCount, expectedNow, project(remainingSoFar), "not_started");
  });
  const overall = paceOf(
    { id: "overall", plannedStart: start, plannedEnd },
    totals,
    expected,
    project(remainingSoFar),
    "too_early",
  );
  return { stages: stagePaces, overall, start, today, rate, needs };
}

function paceOf(
  planned: PlannedStage,
  counts: PaceCounts,
  expected: number,
  projectedFinish: LocalDate | null,
  /** A stage not started gets no date; the whole roadmap, untouched, still says what a projection needs. */
  untouched: "not_started" | "too_early",
): StagePace {
  const handled = counts.done + counts.skipped;
  const projection: Projection =
    handled >= counts.total
      ? "finished"
      : handled === 0 && counts.inProgress === 0
        ? untouched
        : projectedFinish
          ? "projected"
          : "too_early";
  const dated = projection === "projected" ? projectedFinish : null;
  return {
    ...planned,
    expectedPercent: expected,
    actualPercent: handledPercent(counts),
    status: dated ? projectedPaceStatus(dated, planned.plannedStart, planned.plannedEnd) : paceStatus(counts, expected),
    projection,
    projectedFinish: dated,
  };
}

/**
 * The whole roadmap's pace from totals, for a mentor's table of many mentees: what the learner's
 * own pace says of the whole roadmap (computePace's overall row), read from the times their
 * finished milestones were last changed instead of from their events, and without their own
 * stage targets. `recentlyFinishedAt`: when each milestone now done or skipped was last
 * changed, for at least the last RECENT_RATE_DAYS days; older times are ignored.
 */
export function overallPaceStatus({
  start,
  trackedSince = start,
  stages,
  roadmapTarget = null,
  counts,
  recentlyFinishedAt,
  today,
  timeZone,
}: {
  start: LocalDate;
  trackedSince?: LocalDate;
  stages: readonly (StageWindow & { total: number })[];
  roadmapTarget?: LocalDate | null;
  counts: PaceCounts;
  recentlyFinishedAt: readonly Date[];
  today: LocalDate;
  timeZone: string;
}): PaceStatus {
  const plan = planStages({ start, stages, roadmapTarget });
  const { expected, plannedEnd } = overallPace(
    plan,
    stages.map((stage) => ({ ...emptyCounts(), total: stage.total })),
    today,
  );
  const since = evidenceSince(start, trackedSince);
  const { from, days } = recentWindow(today, since);
  const finished = recentlyFinishedAt.filter((at) => {
    const day = localDate(at, timeZone);
    return day >= from && day <= today;
  }).length;
  const { project } = projector({ days, finished }, since, today, counts);
  const remaining = counts.total - counts.done - counts.skipped;
  return paceOf({ id: "overall", plannedStart: start, plannedEnd }, counts, expected, project(remaining), "too_early")
    .status;
}
