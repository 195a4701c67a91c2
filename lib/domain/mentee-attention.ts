import type { PaceStatus } from "./pace";

/*
 * Whether a mentee could use a word from their mentor. One rule, read by the mentor's table
 * (its Attention column, its "Needs attention" filter and its sort) and by anything that
 * later tells a mentor who needs them, so that none of them can disagree.
 */

/** No status change for this long, counted from the mentorship's start when there was none. */
export const INACTIVE_AFTER_DAYS = 14;
/** A milestone in progress for longer than this has stalled. */
export const STALLED_AFTER_DAYS = 30;

export type AttentionReason = "behind" | "inactive" | "stalled";

export const ATTENTION_REASON_LABELS: Record<AttentionReason, string> = {
  behind: "Behind pace",
  inactive: `No activity for ${INACTIVE_AFTER_DAYS}+ days`,
  stalled: `In progress for ${STALLED_AFTER_DAYS}+ days`,
};

export type MenteeFacts = {
  /** Pace on the whole roadmap; null before the mentee picks one. */
  paceStatus: PaceStatus | null;
  inactive: boolean;
  stalled: boolean;
  /** Whether the mentee has ever changed a milestone's status. */
  started: boolean;
};

/** Why the mentee needs attention; empty when they don't. */
export function needsAttention({ paceStatus, inactive, stalled }: MenteeFacts): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if (paceStatus === "behind") reasons.push("behind");
  if (inactive) reasons.push("inactive");
  if (stalled) reasons.push("stalled");
  return reasons;
}

/** "Not started" rather than "on track": doing nothing is never on track, though it needs no word yet. */
export type AttentionStatus = "needs_attention" | "not_started" | "on_track";

export const ATTENTION_STATUS_LABELS: Record<AttentionStatus, string> = {
  needs_attention: "Needs attention",
  not_started: "Not started",
  on_track: "On track",
};

export type MenteeAttention = { status: AttentionStatus; reasons: AttentionReason[] };

export function menteeAttention(facts: MenteeFacts): MenteeAttention {
  const reasons = needsAttention(facts);
  if (reasons.length > 0) return { status: "needs_attention", reasons };
  return { status: facts.started ? "on_track" : "not_started", reasons };
}

/** Sort rank, most urgent highest: who needs attention, then who has not started, then the rest. */
const ATTENTION_RANK: Record<AttentionStatus, number> = { needs_attention: 2, not_started: 1, on_track: 0 };

type WithAttention = { attention: MenteeAttention };

/** The rows the "Needs attention" filter keeps: exactly those whose column says so. */
export function onlyNeedingAttention<Row extends WithAttention>(rows: readonly Row[]): Row[] {
  return rows.filter((row) => row.attention.status === "needs_attention");
}

/** Orders rows by attention (descending puts who needs it first), keeping the given order within each status. */
export function sortByAttention<Row extends WithAttention>(rows: readonly Row[], direction: "asc" | "desc"): Row[] {
  const sign = direction === "desc" ? -1 : 1;
  return rows.toSorted((a, b) => sign * (ATTENTION_RANK[a.attention.status] - ATTENTION_RANK[b.attention.status]));
}
