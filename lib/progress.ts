export const MILESTONE_STATUSES = ["not_started", "in_progress", "done", "skipped"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
