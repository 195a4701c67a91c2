import "server-only";
import { and, asc, desc, eq, ilike, or, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { milestones, roadmaps, stages, users } from "../../db/schema";
import { containsPattern } from "./like-pattern";
import { accessColumns, listedRoadmapsFor } from "./roadmap-access";
import { scalarSubquery } from "./scalar-subquery";
import type { Viewer } from "./viewer";

/** The catalogue lists this many roadmaps at most; a search narrows the rest down. */
export const CATALOGUE_PAGE_SIZE = 60;

export type CatalogueEntry = {
  slug: string;
  title: string;
  summary: string;
  stageCount: number;
  milestoneCount: number;
  builtIn: boolean;
  /** The author's name; null for a built-in roadmap, an author without a name, or a deleted account. */
  authorName: string | null;
  following: boolean;
  /** Set only on the viewer's own roadmaps: what they alone need to know about them. */
  own: { visibility: "private" | "unlisted" | "public"; published: boolean } | null;
};

export type Catalogue = { entries: CatalogueEntry[]; search: string; more: boolean };

// A published roadmap's stages and milestones are rows; one never published has only its draft.
const published = sql`${roadmaps.publishedVersion} > 0`;
const draftStages = sql`jsonb_array_elements(coalesce(${roadmaps.draft} -> 'stages', '[]'::jsonb))`;
const stageCount = sql<number>`case when ${published}
  then ${scalarSubquery(sql`select count(*)::int from ${stages} where ${stages.roadmapId} = ${roadmaps.id} and ${stages.archivedAt} is null`)}
  else ${scalarSubquery(sql`select count(*)::int from ${draftStages}`)} end`;
const milestoneCount = sql<number>`case when ${published}
  then ${scalarSubquery(sql`select count(*)::int from ${milestones} where ${milestones.roadmapId} = ${roadmaps.id} and ${milestones.archivedAt} is null`)}
  else ${scalarSubquery(sql`select coalesce(sum(jsonb_array_length(coalesce(stage -> 'milestones', '[]'::jsonb))), 0)::int from ${draftStages} as stage`)} end`;

/**
 * The roadmaps the viewer may browse, built-in first, then by title; with a search, those whose
 * title or summary contains it (any case). One SQL statement.
 */
export async function getCatalogueForViewer({
  viewer,
  search = "",
}: {
  viewer: Viewer | null;
  search?: string;
}): Promise<Catalogue> {
  const viewerId = viewer?.id ?? null;
  const { ownerId, visibility, publishedVersion, following, builtIn } = accessColumns(viewerId);
  const pattern = search ? containsPattern(search) : null;
  const rows = await getDb()
    .select({
      slug: roadmaps.slug,
      title: roadmaps.title,
      summary: roadmaps.summary,
      builtIn,
      ownerId,
      visibility,
      publishedVersion,
      following,
      authorName: users.name,
      stageCount,
      milestoneCount,
    })
    .from(roadmaps)
    .leftJoin(users, eq(users.id, roadmaps.ownerId))
    .where(
      and(
        listedRoadmapsFor(viewerId),
        pattern ? or(ilike(roadmaps.title, pattern), ilike(roadmaps.summary, pattern)) : undefined,
      ),
    )
    .orderBy(desc(roadmaps.builtIn), asc(roadmaps.title), asc(roadmaps.slug))
    .limit(CATALOGUE_PAGE_SIZE + 1);

  const entries = rows.slice(0, CATALOGUE_PAGE_SIZE).map((row): CatalogueEntry => {
    const own = viewerId !== null && row.ownerId === viewerId;
    return {
      slug: row.slug,
      title: row.title,
      summary: row.summary,
      stageCount: Number(row.stageCount),
      milestoneCount: Number(row.milestoneCount),
      builtIn: row.builtIn,
      authorName: row.builtIn ? null : row.authorName,
      following: row.following,
      own: own ? { visibility: row.visibility, published: row.publishedVersion > 0 } : null,
    };
  });
  return { entries, search, more: rows.length > CATALOGUE_PAGE_SIZE };
}

/** The built-in roadmaps, for the home page: the ones Waymark itself vouches for. One statement. */
export async function listBuiltInRoadmaps(): Promise<{ slug: string; title: string; summary: string }[]> {
  return getDb()
    .select({ slug: roadmaps.slug, title: roadmaps.title, summary: roadmaps.summary })
    .from(roadmaps)
    .where(eq(roadmaps.builtIn, true))
    .orderBy(asc(roadmaps.title));
}
