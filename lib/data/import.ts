import "server-only";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb, type Transaction } from "../../db/client";
import { excluded } from "../../db/excluded";
import {
  milestoneEvidence,
  milestoneNotes,
  milestoneReviews,
  progressEvents,
  roadmaps,
  stageTargets,
} from "../../db/schema";
import { AppError } from "../domain/errors";
import { readExportEnvelope } from "../domain/export-format";
import {
  importedRoadmapSlugs,
  planImport,
  type ImportReport,
  type ImportedRoadmapContent,
  type RoadmapPlan,
} from "../domain/import-plan";
import { insertInChunks } from "./internal/insert-in-chunks";
import { lockLearner } from "./internal/learner-lock";
import { replaceRoadmapProgress } from "./internal/progress-writes";
import { NOTE_MAX_LENGTH } from "./notes";
import { accessColumns, ROADMAP_POLICY, roadmapRoleOf } from "./roadmap-access";
import type { Viewer } from "./viewer";

/**
 * Replaces the viewer's progress, history, notes, evidence and pace settings on every
 * roadmap in a version 1 export with what the file says (see planImport); the usable part
 * is written in a single transaction.
 */
export async function importLearnerData({
  viewer,
  data,
  now = new Date(),
}: {
  viewer: Viewer;
  data: unknown;
  now?: Date;
}): Promise<ImportReport> {
  const read = readExportEnvelope(data);
  if (!read.ok) throw new AppError("INVALID_INPUT", read.error);
  const { envelope } = read;

  // Every roadmap in the file the viewer may follow, before the learner's lock is taken.
  const roadmapIds = await followableRoadmapIds(viewer, importedRoadmapSlugs(envelope));
  const contents: ImportedRoadmapContent[] =
    roadmapIds.length === 0
      ? []
      : await getDb().query.roadmaps.findMany({
          where: inArray(roadmaps.id, roadmapIds),
          columns: { id: true, slug: true },
          with: {
            stages: {
              columns: { id: true, slug: true },
              with: { milestones: { columns: { id: true, slug: true } } },
            },
          },
        });
  const { plans, report } = planImport({ envelope, contents, now, noteMaxLength: NOTE_MAX_LENGTH });

  if (plans.length > 0) {
    await getDb().transaction(async (tx) => {
      // Status changes and evidence adds from other tabs wait until the whole file is in.
      await lockLearner(tx, viewer.id);
      for (const plan of plans) await replaceRoadmap(tx, viewer.id, plan, now);
    });
  }
  return report;
}

/**
 * Of the roadmaps a file names, the ones the viewer may follow, by the roadmap access policy.
 * Any other (someone else's private roadmap, or one not yet published) is left out exactly like
 * a roadmap that doesn't exist, so the report can't tell the two apart.
 */
async function followableRoadmapIds(viewer: Viewer, slugs: string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const rows = await getDb().select(accessColumns(viewer.id)).from(roadmaps).where(inArray(roadmaps.slug, slugs));
  return rows.flatMap(({ following, assigned, ...roadmap }) => {
    const role = roadmapRoleOf(roadmap, viewer.id, { following, assigned });
    return role && ROADMAP_POLICY[role].follow ? [roadmap.id] : [];
  });
}

/** Writes one roadmap's plan over whatever the learner had on that roadmap. */
async function replaceRoadmap(tx: Transaction, userId: string, plan: RoadmapPlan, now: Date): Promise<void> {
  const onRoadmap = (user: AnyPgColumn, milestone: AnyPgColumn) =>
    and(eq(user, userId), inArray(milestone, plan.milestoneIds));
  const keptNotes = plan.notes.map((note) => note.milestoneId);
  const done = plan.milestones.filter((milestone) => milestone.status === "done").map((milestone) => milestone.id);

  // The one place the event log is rewritten: the file's history replaces the learner's own.
  await tx.delete(progressEvents).where(onRoadmap(progressEvents.userId, progressEvents.milestoneId));
  await tx.delete(milestoneEvidence).where(onRoadmap(milestoneEvidence.userId, milestoneEvidence.milestoneId));
  await tx
    .delete(milestoneNotes)
    .where(
      and(
        onRoadmap(milestoneNotes.userId, milestoneNotes.milestoneId),
        keptNotes.length > 0 ? notInArray(milestoneNotes.milestoneId, keptNotes) : undefined,
      ),
    );
  // A review vouches for finished work; it goes with a milestone the file says isn't done.
  await tx
    .delete(milestoneReviews)
    .where(
      and(
        onRoadmap(milestoneReviews.learnerId, milestoneReviews.milestoneId),
        done.length > 0 ? notInArray(milestoneReviews.milestoneId, done) : undefined,
      ),
    );
  if (plan.stageIds.length > 0) {
    await tx
      .delete(stageTargets)
      .where(and(eq(stageTargets.userId, userId), inArray(stageTargets.stageId, plan.stageIds)));
  }

  await replaceRoadmapProgress(tx, {
    learnerId: userId,
    roadmapId: plan.roadmapId,
    milestoneIds: plan.milestoneIds,
    progress: plan.follow
      ? {
          enrollment: { startedAt: plan.startedAt!, plannedStart: plan.plannedStart, targetDate: plan.targetDate },
          milestones: plan.milestones,
        }
      : null,
    now,
  });
  if (plan.stageTargets.length > 0) {
    await tx.insert(stageTargets).values(plan.stageTargets.map((target) => ({ userId, ...target })));
  }
  // Other open tabs compare note versions: each imported note moves past the one they hold.
  await insertInChunks(plan.notes, (chunk) =>
    tx
      .insert(milestoneNotes)
      .values(chunk.map((note) => ({ userId, ...note, version: 1 })))
      .onConflictDoUpdate({
        target: [milestoneNotes.userId, milestoneNotes.milestoneId],
        set: {
          body: excluded(milestoneNotes.body),
          updatedAt: excluded(milestoneNotes.updatedAt),
          version: sql`${milestoneNotes.version} + 1`,
        },
      }),
  );
  // Links are listed by time; a microsecond per place keeps the file's order where times tie.
  await insertInChunks(plan.evidence, (chunk) =>
    tx.insert(milestoneEvidence).values(
      chunk.map((link) => ({
        userId,
        milestoneId: link.milestoneId,
        title: link.title,
        url: link.url,
        createdAt: sql`${link.addedAt}::timestamptz + ${link.place}::int * interval '1 microsecond'`,
      })),
    ),
  );

  // The file's history, then the changes that make each status equal its last change.
  await insertInChunks([...plan.events, ...plan.closing], (chunk) =>
    tx.insert(progressEvents).values(
      chunk.map((event) => ({
        userId,
        // The mentor who made a change isn't known from a file: null is "someone else".
        actorId: event.byMentor ? null : userId,
        milestoneId: event.milestoneId,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        createdAt: event.at,
      })),
    ),
  );
}
