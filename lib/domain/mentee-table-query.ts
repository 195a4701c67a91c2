import { z } from "zod";

export const MENTEE_SORTS = ["name", "progress", "activity", "attention"] as const;
export type MenteeSort = (typeof MENTEE_SORTS)[number];

export type MenteeTableQuery = {
  sort: MenteeSort;
  direction: "asc" | "desc";
  attentionOnly: boolean;
  search: string;
  page: number;
};

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** Reads the table's sort, filter, search and page from the URL; anything odd falls back to the default. */
const menteeTableQuerySchema = z.object({
  sort: z.preprocess(first, z.enum(MENTEE_SORTS).catch("attention")),
  direction: z.preprocess(first, z.enum(["asc", "desc"]).catch("desc")),
  show: z.preprocess(first, z.enum(["all", "attention"]).catch("all")),
  q: z.preprocess(first, z.string().max(100).catch("")).default(""),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).catch(1)),
});

export function parseMenteeTableQuery(searchParams: Record<string, unknown>): MenteeTableQuery {
  const parsed = menteeTableQuerySchema.parse(searchParams);
  return {
    sort: parsed.sort,
    direction: parsed.direction,
    attentionOnly: parsed.show === "attention",
    search: parsed.q,
    page: parsed.page,
  };
}

export function menteeTableHref(query: MenteeTableQuery, changes: Partial<MenteeTableQuery>): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams({ sort: next.sort, direction: next.direction });
  if (next.attentionOnly) params.set("show", "attention");
  if (next.search) params.set("q", next.search);
  if (next.page > 1) params.set("page", String(next.page));
  return `/mentees?${params.toString()}`;
}
