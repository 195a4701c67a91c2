import { statusOf, type MilestoneStatus, type StatusMap } from "./progress-math";

export const MILESTONE_FILTERS = ["all", "not_done", "in_progress", "skipped"] as const;
export type MilestoneFilter = (typeof MILESTONE_FILTERS)[number];

export const FILTER_LABELS: Record<MilestoneFilter, string> = {
  all: "All",
  not_done: "Not done",
  in_progress: "In progress",
  skipped: "Skipped",
};

type Searchable = { id: string; title: string; description: string; skills: readonly string[] };

function matchesFilter(status: MilestoneStatus, filter: MilestoneFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "not_done":
      return status !== "done" && status !== "skipped";
    case "in_progress":
      return status === "in_progress";
    case "skipped":
      return status === "skipped";
  }
}

/** Case- and accent-insensitive, so "cafe" finds "Café". */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

/** Whether a milestone shows under a status filter and a search over its title, description and skills. */
export function milestoneMatches(
  milestone: Searchable,
  statuses: StatusMap,
  filter: MilestoneFilter,
  search: string,
): boolean {
  if (!matchesFilter(statusOf(statuses, milestone.id), filter)) return false;
  const words = fold(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold([milestone.title, milestone.description, ...milestone.skills].join(" "));
  return words.every((word) => haystack.includes(word));
}
