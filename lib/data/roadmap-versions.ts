import "server-only";
import { aliasedTable, and, asc, eq, sql, type SQLWrapper } from "drizzle-orm";
import { getDb } from "../../db/client";
import type { RoadmapContent } from "../../db/content/content-schema";
import { enrollments, roadmaps, roadmapVersions, users } from "../../db/schema";
import { AppError } from "../domain/errors";
import { describeChanges, diffRoadmapContents, type RoadmapDiff } from "../domain/roadmap-diff";
import { requireRoadmapAccess } from "./roadmap-access";
import { scalarSubquery } from "./scalar-subquery";
import type { Viewer } from "./viewer";

/*
 * A roadmap's published versions (immutable rows in roadmap_versions) and what changed
 * between them. Every read asks the roadmap's access policy for "view" first.
 */

export type RoadmapVersionSummary = {
  version: number;
  publishedAt: Date;
  /** "Waymark" for a built-in roadmap, else the author's name. */
  publisher: string;
  /** Against the version before; null for the first. */
  /** null for the first version; undefined for one older than the summarised ones. */
  changes?: string | null;
};

export type RoadmapVersionsPage = {
  roadmap: { slug: string; title: string; publishedVersion: number };
  /** Newest first. */
  versions: RoadmapVersionSummary[];
  /** Present when the address asked for a comparison (?from=…&to=…). */
  comparison: VersionComparison | null;
};

export type VersionComparison =
  | { ok: true; from: number; to: number; diff: RoadmapDiff; summary: string }
  /** A version number the roadmap does not have, said plainly. */
  | { ok: false; message: string };

/** What the learner has not yet acknowledged: from the version they last saw to the current one. */
export type UnseenChanges = { from: number; to: number; summary: string };

type VersionRow = { version: number; content: RoadmapContent | null; publishedAt: Date; publisher: string | null };

/**
 * How many of the latest versions the list reads whole to summarise: each can be megabytes,
 * and anyone may open a public roadmap's versions, so the history read stays bounded.
 */
export const SUMMARISED_VERSIONS = 20;

/**
 * The versions page: the roadmap's versions, newest first, the latest SUMMARISED_VERSIONS with
 * their change summary, and the comparison the address asks for. Two statements: the access
 * check and one read of the versions, holding the content of only those summarised or compared.
 */
export async function getRoadmapVersionsPage({
  viewer,
  slug,
  compare,
}: {
  viewer: Viewer | null;
  slug: string;
  compare?: { from: string | undefined; to: string | undefined };
}): Promise<RoadmapVersionsPage> {
  const access = await requireRoadmapAccess({ viewer, slug, permission: "view" });
  const { roadmap } = access;
  const compared = [compare?.from, compare?.to].flatMap((value) => {
    const number = value === undefined ? null : versionNumber(value);
    return number === null ? [] : [number];
  });
  const summarisedFrom = roadmap.publishedVersion - SUMMARISED_VERSIONS;
  const rows: VersionRow[] = await getDb()
    .select({
      version: roadmapVersions.version,
      content: sql<RoadmapContent | null>`case when ${roadmapVersions.version} >= ${summarisedFrom}
        or ${roadmapVersions.version} in (${sql.join(
          [-1, ...compared].map((number) => sql`${number}`),
          sql`, `,
        )})
        then ${roadmapVersions.content} end`.mapWith(roadmapVersions.content),
      publishedAt: roadmapVersions.publishedAt,
      publisher: users.name,
    })
    .from(roadmapVersions)
    .leftJoin(users, eq(users.id, roadmapVersions.publishedBy))
    .where(eq(roadmapVersions.roadmapId, roadmap.id))
    .orderBy(asc(roadmapVersions.version));

  const versions = rows.map((row, index) => ({
    version: row.version,
    publishedAt: row.publishedAt,
    publisher: roadmap.builtIn ? "Waymark" : (row.publisher ?? "A former author"),
    changes: changesBetween(rows[index - 1], row),
  }));
  return {
    roadmap: { slug: roadmap.slug, title: roadmap.title, publishedVersion: roadmap.publishedVersion },
    versions: versions.reverse(),
    comparison:
      compare && (compare.from !== undefined || compare.to !== undefined) ? compareVersions(rows, compare) : null,
  };
}

/** The one-line summary of a version against the one before; null for the first, undefined past the summarised ones. */
function changesBetween(previous: VersionRow | undefined, row: VersionRow): string | null | undefined {
  if (!previous) return null;
  if (!previous.content || !row.content) return undefined;
  return describeChanges(diffRoadmapContents(previous.content, row.content));
}

function compareVersions(
  rows: VersionRow[],
  { from, to }: { from: string | undefined; to: string | undefined },
): VersionComparison {
  const byNumber = new Map(rows.map((row) => [row.version, row]));
  const latest = rows.at(-1)?.version ?? 0;
  const range = latest <= 1 ? "it has only version 1" : `it has versions 1 to ${latest}`;
  const toNumber = to === undefined ? latest : versionNumber(to);
  const fromNumber = from === undefined ? (toNumber === null ? null : toNumber - 1) : versionNumber(from);
  for (const [label, value, number] of [
    ["From", from, fromNumber],
    ["To", to, toNumber],
  ] as const) {
    if (number === null || !byNumber.has(number)) {
      const shown = value ?? String(number);
      return { ok: false, message: `${label} version “${shown.slice(0, 20)}” does not exist: ${range}.` };
    }
  }
  const diff = diffRoadmapContents(byNumber.get(fromNumber!)!.content!, byNumber.get(toNumber!)!.content!);
  return { ok: true, from: fromNumber!, to: toNumber!, diff, summary: describeChanges(diff) };
}

function versionNumber(value: string): number | null {
  return /^[1-9][0-9]{0,8}$/.test(value) ? Number(value) : null;
}

/** One version's content, for the file export: the published one unless another is asked for. */
export async function getRoadmapVersionContent({
  viewer,
  slug,
  version,
}: {
  viewer: Viewer | null;
  slug: string;
  version?: number;
}): Promise<{ version: number; content: RoadmapContent }> {
  const access = await requireRoadmapAccess({ viewer, slug, permission: "view" });
  const wanted = version ?? access.roadmap.publishedVersion;
  const [row] = await getDb()
    .select({ content: roadmapVersions.content })
    .from(roadmapVersions)
    .where(and(eq(roadmapVersions.roadmapId, access.roadmap.id), eq(roadmapVersions.version, wanted)));
  if (!row) throw new AppError("NOT_FOUND", `This roadmap has no version ${wanted}.`);
  return { version: wanted, content: row.content };
}

const seenEnrollments = aliasedTable(enrollments, "seen_enrollments");
const seenRoadmaps = aliasedTable(roadmaps, "seen_roadmaps");
const olderVersions = aliasedTable(roadmapVersions, "older_versions");
const newerVersions = aliasedTable(roadmapVersions, "newer_versions");

type UnseenVersionsJson = { from: number; to: number; older: RoadmapContent; newer: RoadmapContent } | null;

/**
 * For a select list: the contents of the version the learner last saw and of the current
 * one, or null when they are up to date (or follow a roadmap never published since they
 * started, seen_version 0). Read beside the roadmap page's and the dashboard's own columns,
 * so the notice costs no statement of its own.
 */
export const unseenVersionsJson = (userId: string, roadmapId: SQLWrapper | string) =>
  scalarSubquery<UnseenVersionsJson>(sql`
  select json_build_object('from', ${seenEnrollments.seenVersion}, 'to', ${seenRoadmaps.publishedVersion},
    'older', ${olderVersions.content}, 'newer', ${newerVersions.content})
  from ${enrollments} ${seenEnrollments}
  join ${roadmaps} ${seenRoadmaps} on ${seenRoadmaps.id} = ${seenEnrollments.roadmapId}
  join ${roadmapVersions} ${olderVersions} on ${olderVersions.roadmapId} = ${seenRoadmaps.id}
    and ${olderVersions.version} = ${seenEnrollments.seenVersion}
  join ${roadmapVersions} ${newerVersions} on ${newerVersions.roadmapId} = ${seenRoadmaps.id}
    and ${newerVersions.version} = ${seenRoadmaps.publishedVersion}
  where ${seenEnrollments.userId} = ${userId} and ${seenEnrollments.roadmapId} = ${roadmapId}
    and ${seenEnrollments.seenVersion} > 0 and ${seenEnrollments.seenVersion} < ${seenRoadmaps.publishedVersion}`);

export function unseenChangesOf(row: UnseenVersionsJson): UnseenChanges | null {
  if (!row) return null;
  return { from: row.from, to: row.to, summary: describeChanges(diffRoadmapContents(row.older, row.newer)) };
}

/**
 * "Got it": the learner has seen the roadmap's current version. Only their own enrolment,
 * and only forward (a stale page can't bring back a notice already dismissed).
 */
export async function markRoadmapVersionSeen({ viewer, slug }: { viewer: Viewer; slug: string }): Promise<void> {
  const access = await requireRoadmapAccess({ viewer, slug, permission: "view" });
  await getDb()
    .update(enrollments)
    .set({ seenVersion: sql`greatest(${enrollments.seenVersion}, ${access.roadmap.publishedVersion})` })
    .where(and(eq(enrollments.userId, viewer.id), eq(enrollments.roadmapId, access.roadmap.id)));
}
