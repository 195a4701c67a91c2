import { nextProgressTimestamps, type MilestoneStatus, type ProgressTimestamps } from "./progress-math";

export type StatusEvent = { milestoneId: string; toStatus: MilestoneStatus; at: Date };

/** By milestone id, as ISO instants: the same shape from the server render and from JSON. */
export type MilestoneDates = Record<string, { startedAt: string | null; completedAt: string | null }>;

/** When each milestone was started and finished, replayed from its events in order. */
export function milestoneDatesFromEvents(events: readonly StatusEvent[]): MilestoneDates {
  const replayed: Record<string, ProgressTimestamps> = {};
  for (const event of events) {
    const previous = replayed[event.milestoneId] ?? { startedAt: null, completedAt: null };
    replayed[event.milestoneId] = nextProgressTimestamps(previous, event.toStatus, event.at);
  }
  return Object.fromEntries(
    Object.entries(replayed).map(([id, { startedAt, completedAt }]) => [
      id,
      { startedAt: startedAt?.toISOString() ?? null, completedAt: completedAt?.toISOString() ?? null },
    ]),
  );
}

const VERBS: Record<MilestoneStatus, string> = {
  done: "Marked {title} done",
  in_progress: "Started {title}",
  skipped: "Skipped {title}",
  not_started: "Reset {title}",
};

/** "Marked Learn SQL done": a change in words, for the timeline. */
export function describeChange(title: string, toStatus: MilestoneStatus): string {
  return VERBS[toStatus].replace("{title}", title);
}
