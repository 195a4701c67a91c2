import { z } from "zod";

export const CATALOGUE_SEARCH_MAX_LENGTH = 100;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

// NUL can't reach Postgres; a longer search is cut rather than refused, as the field allows no more.
const searchSchema = z.object({
  q: z.preprocess(
    first,
    z
      .string()
      .catch("")
      .default("")
      .transform((text) => text.replaceAll("\u0000", "").trim().slice(0, CATALOGUE_SEARCH_MAX_LENGTH)),
  ),
});

/** The catalogue's search text from the URL (?q=); anything odd is no search. */
export function parseCatalogueSearch(searchParams: Record<string, unknown>): string {
  return searchSchema.parse(searchParams).q;
}
