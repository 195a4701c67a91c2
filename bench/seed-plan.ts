/*
 * What the benchmark seeds, decided by pure functions so the shape of the data set can be
 * tested without a database: learners spread from "just started" to "nearly done", each
 * with the events that would have produced their statuses.
 */
import type { MilestoneStatus } from "../lib/domain/progress-math";

export type PlannedProgress = {
  milestoneId: string;
  status: MilestoneStatus;
  startedAt: Date | null;
  completedAt: Date | null;
};
export type PlannedEvent = { milestoneId: string; from: MilestoneStatus; to: MilestoneStatus; at: Date };
export type LearnerPlan = { startedAt: Date | null; progress: PlannedProgress[]; events: PlannedEvent[] };

/** A small, seedable random source (mulberry32): the same seed gives the same data set. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;

/**
 * One learner's record. Most learners are early on (the square skews towards the start, as
 * real sign-ups do); a few have finished. Milestones are taken in roadmap order, with the
 * odd one skipped, and the events replay exactly into the statuses.
 */
export function planLearner(random: () => number, milestoneIds: readonly string[], now: Date): LearnerPlan {
  const share = random() ** 2;
  const handled = Math.round(share * milestoneIds.length);
  const inProgress = handled < milestoneIds.length && random() < 0.7 ? 1 + Math.floor(random() * 2) : 0;
  const touched = Math.min(milestoneIds.length, handled + inProgress);
  if (touched === 0) return { startedAt: null, progress: [], events: [] };

  const spanDays = 7 + Math.floor(random() * 400);
  // At most two ticks per milestone, each at most 1.5 steps: the last event stays before now.
  const step = (spanDays * DAY_MS) / (touched * 2 * 1.5 + 1);
  let clock = now.getTime() - spanDays * DAY_MS;
  const tick = () => new Date((clock += step * (0.5 + random())));

  const progress: PlannedProgress[] = [];
  const events: PlannedEvent[] = [];
  milestoneIds.slice(0, touched).forEach((milestoneId, index) => {
    if (index >= handled) {
      const startedAt = tick();
      events.push({ milestoneId, from: "not_started", to: "in_progress", at: startedAt });
      progress.push({ milestoneId, status: "in_progress", startedAt, completedAt: null });
    } else if (random() < 0.05) {
      const at = tick();
      events.push({ milestoneId, from: "not_started", to: "skipped", at });
      progress.push({ milestoneId, status: "skipped", startedAt: null, completedAt: null });
    } else {
      const startedAt = tick();
      const completedAt = tick();
      events.push({ milestoneId, from: "not_started", to: "in_progress", at: startedAt });
      events.push({ milestoneId, from: "in_progress", to: "done", at: completedAt });
      progress.push({ milestoneId, status: "done", startedAt, completedAt });
    }
  });
  return { startedAt: events[0]!.at, progress, events };
}
