import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database, Transaction } from "../client";
import { refreshRoadmapProgressSummaries } from "../progress-summaries";
import { forgetRoadmapContent } from "./cache";
import { milestones, roadmaps, roadmapVersions, stages } from "../schema";
import { roadmapContentSchema, type RoadmapContent } from "./content-schema";

export type SyncCounts = { inserted: number; updated: number; archived: number; restored: number };
export type SyncReport = { roadmap: string; roadmapChanged: boolean; stages: SyncCounts; milestones: SyncCounts };

const zeroCounts = (): SyncCounts => ({ inserted: 0, updated: 0, archived: 0, restored: 0 });

export function syncChangedAnything(report: SyncReport): boolean {
  const moved = (counts: SyncCounts) => Object.values(counts).some((count) => count > 0);
  return report.roadmapChanged || moved(report.stages) || moved(report.milestones);
}

/** JSON with sorted keys: jsonb does not keep the key order it was given. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner) && !(inner instanceof Date)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

function differs<T extends Record<string, unknown>>(row: T, wanted: Partial<T>): boolean {
  return Object.entries(wanted).some(([key, value]) => canonical(row[key]) !== canonical(value));
}

/** Whether two contents make the same version, whatever their key order or editor-only fields. */
export function sameVersionContent(a: RoadmapContent, b: RoadmapContent): boolean {
  return canonical(versionContentOf(a)) === canonical(versionContentOf(b));
}

/** The content as a version keeps it: what a file may add for editors ($schema, format) left out. */
export function versionContentOf(content: RoadmapContent): RoadmapContent {
  const { $schema: _schema, format: _format, ...kept } = content;
  return kept;
}

/**
 * Writes a built-in roadmap's file into the database, matching stages and milestones by slug.
 * Idempotent: a second run with the same content changes nothing. Rows the content no
 * longer lists are archived, never deleted, so learners' progress keeps its milestone. Each
 * change of content is recorded as a new version, as an author's publish is.
 */
export async function syncRoadmapContent(db: Database, input: RoadmapContent): Promise<SyncReport> {
  const content = roadmapContentSchema.parse(input);
  const report = await db.transaction(async (tx) => {
    await tx
      .insert(roadmaps)
      .values({ slug: content.slug, ...roadmapValuesOf(content), builtIn: true, visibility: "public" })
      .onConflictDoNothing({ target: roadmaps.slug });
    // Locking the roadmap row serialises concurrent syncs (several servers starting at once).
    const [roadmap] = await tx.select().from(roadmaps).where(eq(roadmaps.slug, content.slug)).for("update");
    if (!roadmap) throw new Error(`roadmap ${content.slug} vanished during sync`);
    if (!roadmap.builtIn)
      throw new Error(`an authored roadmap already has the built-in roadmap's slug ${content.slug}`);
    const report = await writePublishedContent(tx, roadmap, content);
    const [latest] = await tx
      .select({ content: roadmapVersions.content })
      .from(roadmapVersions)
      .where(eq(roadmapVersions.roadmapId, roadmap.id))
      .orderBy(desc(roadmapVersions.version))
      .limit(1);
    if (!latest || !sameVersionContent(latest.content, content)) {
      await recordVersion(tx, roadmap.id, content, null);
    }
    return report;
  });
  if (syncChangedAnything(report)) forgetRoadmapContent();
  return report;
}

function roadmapValuesOf(content: RoadmapContent) {
  return {
    title: content.title,
    summary: content.summary,
    salaryGuides: content.salaryGuides,
    salaryCaveat: content.salaryCaveat,
  };
}

/**
 * Makes `content` the roadmap's current stages and milestones (matched by slug, the rest
 * archived) and refreshes its followers' summaries. The caller holds the roadmap row's lock,
 * and forgets the cached content (forgetRoadmapContent) once its transaction has committed.
 */
export async function writePublishedContent(
  tx: Transaction,
  roadmap: typeof roadmaps.$inferSelect,
  content: RoadmapContent,
): Promise<SyncReport> {
  const report: SyncReport = {
    roadmap: content.slug,
    roadmapChanged: false,
    stages: zeroCounts(),
    milestones: zeroCounts(),
  };
  const roadmapValues = roadmapValuesOf(content);
  if (differs(roadmap, roadmapValues)) {
    await tx
      .update(roadmaps)
      .set({ ...roadmapValues, updatedAt: new Date() })
      .where(eq(roadmaps.id, roadmap.id));
    report.roadmapChanged = true;
  }
  const stageIdsBySlug = await syncStages(tx, roadmap.id, content, report);
  await syncMilestones(tx, roadmap.id, content, stageIdsBySlug, report);
  if (syncChangedAnything(report)) await refreshRoadmapProgressSummaries(tx, roadmap.id);
  return report;
}

/** Adds the next version (immutable) and makes it the roadmap's published one. */
export async function recordVersion(
  tx: Transaction,
  roadmapId: string,
  content: RoadmapContent,
  publishedBy: string | null,
): Promise<number> {
  const [row] = await tx
    .update(roadmaps)
    .set({ publishedVersion: sql`${roadmaps.publishedVersion} + 1` })
    .where(eq(roadmaps.id, roadmapId))
    .returning({ version: roadmaps.publishedVersion });
  const version = row!.version;
  await tx.insert(roadmapVersions).values({ roadmapId, version, content: versionContentOf(content), publishedBy });
  return version;
}

async function syncStages(
  tx: Transaction,
  roadmapId: string,
  content: RoadmapContent,
  report: SyncReport,
): Promise<Map<string, string>> {
  const existing = await tx.select().from(stages).where(eq(stages.roadmapId, roadmapId));
  const bySlug = new Map(existing.map((row) => [row.slug, row]));
  const idsBySlug = new Map<string, string>();
  const now = new Date();

  for (const [position, stage] of content.stages.entries()) {
    const wanted = {
      title: stage.title,
      summary: stage.summary,
      position,
      startMonth: stage.startMonth,
      endMonth: stage.endMonth,
      archivedAt: null,
    };
    const row = bySlug.get(stage.slug);
    if (!row) {
      const [created] = await tx
        .insert(stages)
        .values({ roadmapId, slug: stage.slug, ...wanted })
        .returning({ id: stages.id });
      idsBySlug.set(stage.slug, created!.id);
      report.stages.inserted += 1;
      continue;
    }
    idsBySlug.set(stage.slug, row.id);
    if (differs(row, wanted)) {
      await tx.update(stages).set(wanted).where(eq(stages.id, row.id));
      report.stages[row.archivedAt ? "restored" : "updated"] += 1;
    }
  }

  for (const row of existing) {
    if (!idsBySlug.has(row.slug) && row.archivedAt === null) {
      await tx.update(stages).set({ archivedAt: now }).where(eq(stages.id, row.id));
      report.stages.archived += 1;
    }
  }
  return idsBySlug;
}

async function syncMilestones(
  tx: Transaction,
  roadmapId: string,
  content: RoadmapContent,
  stageIdsBySlug: Map<string, string>,
  report: SyncReport,
): Promise<void> {
  const existing = await tx.select().from(milestones).where(eq(milestones.roadmapId, roadmapId));
  const bySlug = new Map(existing.map((row) => [row.slug, row]));
  const listed = new Set<string>();

  for (const stage of content.stages) {
    const stageId = stageIdsBySlug.get(stage.slug)!;
    for (const [position, milestone] of stage.milestones.entries()) {
      listed.add(milestone.slug);
      const wanted = {
        stageId,
        title: milestone.title,
        description: milestone.description,
        whyItMatters: milestone.whyItMatters,
        skills: milestone.skills,
        tools: milestone.tools,
        resources: milestone.resources,
        doneWhen: milestone.doneWhen,
        practice: milestone.practice,
        position,
        archivedAt: null,
      };
      const row = bySlug.get(milestone.slug);
      if (!row) {
        await tx.insert(milestones).values({ roadmapId, slug: milestone.slug, ...wanted });
        report.milestones.inserted += 1;
      } else if (differs(row, wanted)) {
        await tx.update(milestones).set(wanted).where(eq(milestones.id, row.id));
        report.milestones[row.archivedAt ? "restored" : "updated"] += 1;
      }
    }
  }

  const retired = existing.filter((row) => !listed.has(row.slug) && row.archivedAt === null);
  for (const row of retired) {
    await tx
      .update(milestones)
      .set({ archivedAt: new Date() })
      .where(and(eq(milestones.id, row.id), isNull(milestones.archivedAt)));
    report.milestones.archived += 1;
  }
}
