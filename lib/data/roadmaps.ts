import "server-only";
import { asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Transaction } from "../../db/client";
import { cachedRoadmapContent } from "../../db/content/cache";
import { milestones, roadmaps, stages } from "../../db/schema";
import { isSlug, type ResourceContent, type SalaryGuide } from "../../db/content/content-schema";
import { AppError } from "../domain/errors";
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

export type RoadmapSummary = { slug: string; title: string; summary: string };

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

export async function listRoadmaps(): Promise<RoadmapSummary[]> {
  return getDb()
    .select({ slug: roadmaps.slug, title: roadmaps.title, summary: roadmaps.summary })
    .from(roadmaps)
    .orderBy(asc(roadmaps.title));
}

/** Roadmaps are public: anyone may know whether one exists. */
export async function roadmapExists(slug: string): Promise<boolean> {
  return (await loadRoadmapContent(slug)) !== undefined;
}

/** A roadmap's id, from the content this process keeps; NOT_FOUND when there is no such roadmap. */
export async function roadmapIdOf(slug: string): Promise<string> {
  const content = await loadRoadmapContent(slug);
  if (!content) throw new AppError("NOT_FOUND", "There is no roadmap at this address.");
  return content.id;
}

// Not a slug (slugs have no spaces), so it never collides with a roadmap's content.
const CURRENT_MILESTONES_KEY = "current milestones";

/**
 * Where a current milestone sits, from the content this process keeps: no query per status
 * change. Undefined for a retired milestone, or one added since the content was read. Read
 * through the caller's transaction: the embedded database has one connection, which an open
 * transaction holds.
 */
export async function findCurrentMilestone(
  tx: Transaction,
  milestoneId: string,
): Promise<{ roadmapId: string; stageId: string } | undefined> {
  const index = await cachedRoadmapContent(CURRENT_MILESTONES_KEY, async () => {
    const rows = await tx
      .select({ id: milestones.id, roadmapId: milestones.roadmapId, stageId: milestones.stageId })
      .from(milestones)
      .where(isNull(milestones.archivedAt));
    return new Map(rows.map(({ id, ...place }) => [id, place]));
  });
  return index.get(milestoneId);
}

/**
 * A roadmap's current stages and milestones, read once per process (see db/content/cache.ts).
 * An address that cannot be a slug is not looked up: it may hold what Postgres text cannot (NUL).
 */
export async function loadRoadmapContent(slug: string) {
  if (!isSlug(slug)) return undefined;
  return cachedRoadmapContent(slug, () =>
    getDb().query.roadmaps.findFirst({
      where: eq(roadmaps.slug, slug),
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
    }),
  );
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
