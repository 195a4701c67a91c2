import { nextProgressTimestamps, type MilestoneStatus, type ProgressTimestamps } from "./progress";

export type StatusEvent = { milestoneId: string; toStatus: MilestoneStatus; at: Date };

/** When each milestone was started and finished, replayed from its events in order. */
export function milestoneDatesFromEvents(events: readonly StatusEvent[]): Record<string, ProgressTimestamps> {
  const dates: Record<string, ProgressTimestamps> = {};
  for (const event of events) {
    const previous = dates[event.milestoneId] ?? { startedAt: null, completedAt: null };
    dates[event.milestoneId] = nextProgressTimestamps(previous, event.toStatus, event.at);
  }
  return dates;
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
