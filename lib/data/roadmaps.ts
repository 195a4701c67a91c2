import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Transaction } from "../../db/client";
import { cachedRoadmapContent } from "../../db/content/cache";
import { milestones, roadmaps, stages } from "../../db/schema";
import { isSlug, type ResourceContent, type SalaryGuide } from "../../db/content/content-schema";
import type { StatusMap } from "../domain/progress-math";

export type MilestoneView = {
  id: string;
  slug: string;
  title: string;
  description: string;
  whyItMatters: string;
  skills: string[];
  tools: string[];
  resources: ResourceContent[];
  doneWhen: string[];
  practice: string;
};

export type StageView = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  startMonth: number | null;
  endMonth: number | null;
  milestones: MilestoneView[];
};

export type RoadmapView = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  salaryGuides: SalaryGuide[];
  salaryCaveat: string;
  stages: StageView[];
  /** Milestones the content has dropped that this viewer had progress on; shown apart, never counted. */
  retired: MilestoneView[];
};

const milestoneColumns = {
  id: true,
  slug: true,
  title: true,
  description: true,
  whyItMatters: true,
  skills: true,
  tools: true,
  resources: true,
  doneWhen: true,
  practice: true,
} as const;

// Not a slug (slugs have no spaces), so it never collides with a roadmap's content.
const CURRENT_MILESTONES_KEY = "current milestones";

/**
 * Where a current milestone of a built-in roadmap sits, from the content this process keeps:
 * no query per status change. Built-in content changes only when the app starts; authored
 * roadmaps change whenever their authors publish, so their milestones are always looked up.
 * Undefined for those, for a retired milestone, or one added since the content was read.
 * Read through the caller's transaction: the embedded database has one connection, which an
 * open transaction holds.
 */
export async function findCurrentMilestone(
  tx: Transaction,
  milestoneId: string,
): Promise<{ roadmapId: string; stageId: string } | undefined> {
  const index = await cachedRoadmapContent(CURRENT_MILESTONES_KEY, async () => {
    const rows = await tx
      .select({ id: milestones.id, roadmapId: milestones.roadmapId, stageId: milestones.stageId })
      .from(milestones)
      .innerJoin(roadmaps, eq(roadmaps.id, milestones.roadmapId))
      .where(and(isNull(milestones.archivedAt), eq(roadmaps.builtIn, true)));
    return new Map(rows.map(({ id, ...place }) => [id, place]));
  });
  return index.get(milestoneId);
}

/** Which published version of a roadmap to read: the content of each is cached under both. */
export type PublishedRoadmap = { slug: string; publishedVersion: number };

/**
 * A roadmap's current stages and milestones, read once per process for each published
 * version (see db/content/cache.ts): publishing a new version changes the key, so another
 * server process never serves the old one once it has read the roadmap's row.
 */
export async function loadRoadmapContent({ slug, publishedVersion }: PublishedRoadmap) {
  if (!isSlug(slug)) return undefined;
  return cachedRoadmapContent(`${slug}@${publishedVersion}`, loadVersion(slug), { replaces: `${slug}@` });
}

const loadVersion = (slug: string) => () =>
  getDb().query.roadmaps.findFirst({
    where: eq(roadmaps.slug, slug),
    // Only what every reader may see: never the author's draft, their id or the roadmap's source.
    columns: { id: true, slug: true, title: true, summary: true, salaryGuides: true, salaryCaveat: true },
    with: {
      stages: {
        where: isNull(stages.archivedAt),
        orderBy: asc(stages.position),
        columns: { id: true, slug: true, title: true, summary: true, startMonth: true, endMonth: true },
        with: {
          milestones: {
            where: isNull(milestones.archivedAt),
            orderBy: asc(milestones.position),
            columns: milestoneColumns,
          },
        },
      },
    },
  });

/** The published roadmap at an address, whoever asks: for code that has already decided access. */
export async function findPublishedRoadmap(slug: string): Promise<(PublishedRoadmap & { id: string }) | undefined> {
  if (!isSlug(slug)) return undefined;
  const [row] = await getDb()
    .select({ id: roadmaps.id, slug: roadmaps.slug, publishedVersion: roadmaps.publishedVersion })
    .from(roadmaps)
    .where(eq(roadmaps.slug, slug));
  return row;
}

type RoadmapContent = NonNullable<Awaited<ReturnType<typeof loadRoadmapContent>>>;

/** The roadmap's current content plus the retired milestones these statuses still point at. */
export async function roadmapViewOf(content: RoadmapContent, statuses: StatusMap): Promise<RoadmapView> {
  const current = new Set(content.stages.flatMap((stage) => stage.milestones.map((m) => m.id)));
  const retiredIds = Object.keys(statuses).filter((id) => !current.has(id));
  const retired =
    retiredIds.length === 0
      ? []
      : await getDb().query.milestones.findMany({
          where: inArray(milestones.id, retiredIds),
          orderBy: asc(milestones.title),
          columns: milestoneColumns,
        });
  return { ...content, retired };
}
