import { statusOf, type MilestoneStatus, type StatusMap } from "./progress-math";

export const MILESTONE_FILTERS = ["all", "not_done", "in_progress", "done", "skipped"] as const;
export type MilestoneFilter = (typeof MILESTONE_FILTERS)[number];

export const FILTER_LABELS: Record<MilestoneFilter, string> = {
  all: "All",
  not_done: "Not done",
  in_progress: "In progress",
  done: "Done",
  skipped: "Skipped",
};

/** What the roadmap shows: a status filter and a search, both kept in the page's address. */
export type MilestoneQuery = { filter: MilestoneFilter; search: string };

/** Longer than any title; a pasted address cannot make every keystroke fold a huge string. */
const MAX_SEARCH_LENGTH = 200;

type Searchable = { id: string; title: string; description: string; skills: readonly string[] };

function matchesFilter(status: MilestoneStatus, filter: MilestoneFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "not_done":
      return status !== "done" && status !== "skipped";
    case "in_progress":
      return status === "in_progress";
    case "done":
      return status === "done";
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

type Params = Record<string, string | string[] | undefined>;

function firstOf(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** The query from `?filter=…&q=…`; anything unknown falls back to showing everything. */
export function parseMilestoneQuery(params: Params): MilestoneQuery {
  const filter = firstOf(params.filter);
  return {
    filter: (MILESTONE_FILTERS as readonly string[]).includes(filter) ? (filter as MilestoneFilter) : "all",
    search: firstOf(params.q).slice(0, MAX_SEARCH_LENGTH),
  };
}

/** The address's query string for a filter and search: empty when everything shows, so the plain URL stays plain. */
export function milestoneQueryString({ filter, search }: MilestoneQuery): string {
  const params = new URLSearchParams();
  if (filter !== "all") params.set("filter", filter);
  if (search.trim() !== "") params.set("q", search);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/**
 * The stages to show with their matching milestones. While a filter or search narrows the list, a
 * stage with no match is left out, so matches are not buried under empty stages; `index` stays the
 * stage's place in the whole roadmap.
 */
export function visibleStages<S extends { milestones: readonly Searchable[] }>(
  stages: readonly S[],
  statuses: StatusMap,
  { filter, search }: MilestoneQuery,
): { stage: S; index: number; milestones: S["milestones"][number][] }[] {
  const narrowed = filter !== "all" || search.trim() !== "";
  return stages
    .map((stage, index) => ({
      stage,
      index,
      milestones: stage.milestones.filter((milestone) => milestoneMatches(milestone, statuses, filter, search)),
    }))
    .filter(({ milestones }) => !narrowed || milestones.length > 0);
}
