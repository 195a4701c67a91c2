import "server-only";
import { asc, eq, inArray, or } from "drizzle-orm";
import { getDb } from "../../db/client";
import {
  enrollments,
  milestoneEvidence,
  milestoneMessages,
  milestoneNotes,
  milestoneProgress,
  milestones,
  progressEvents,
  roadmaps,
  stageTargets,
  stages,
  users,
} from "../../db/schema";
import { AppError } from "../domain/errors";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportedMilestone,
  type ExportedRoadmap,
  type WaymarkExport,
} from "../domain/export-format";
import type { Viewer } from "./viewer";

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => date?.toISOString() ?? null;

/**
 * Everything the viewer owns, as a version 1 export: every roadmap they follow or have
 * kept anything on, each as a full checklist (untouched milestones of a followed roadmap
 * are listed as not started), plus the feedback threads they took part in.
 */
export async function exportLearnerData({ viewer, now = new Date() }: { viewer: Viewer; now?: Date }) {
  // One snapshot, so a change landing mid-export cannot leave a status without its event.
  return getDb().transaction(
    async (tx): Promise<WaymarkExport> => {
      const [account] = await tx
        .select({ name: users.name, email: users.email, timeZone: users.timeZone })
        .from(users)
        .where(eq(users.id, viewer.id));
      if (!account) throw new AppError("UNAUTHENTICATED", "Your account no longer exists.");

      const followed = await tx
        .select({
          roadmapId: enrollments.roadmapId,
          startedAt: enrollments.startedAt,
          plannedStart: enrollments.plannedStart,
          targetDate: enrollments.targetDate,
        })
        .from(enrollments)
        .where(eq(enrollments.userId, viewer.id));
      const progressRows = await tx
        .select({
          milestoneId: milestoneProgress.milestoneId,
          status: milestoneProgress.status,
          startedAt: milestoneProgress.startedAt,
          completedAt: milestoneProgress.completedAt,
        })
        .from(milestoneProgress)
        .where(eq(milestoneProgress.userId, viewer.id));
      const noteRows = await tx
        .select({
          milestoneId: milestoneNotes.milestoneId,
          body: milestoneNotes.body,
          updatedAt: milestoneNotes.updatedAt,
        })
        .from(milestoneNotes)
        .where(eq(milestoneNotes.userId, viewer.id));
      const evidenceRows = await tx
        .select({
          milestoneId: milestoneEvidence.milestoneId,
          title: milestoneEvidence.title,
          url: milestoneEvidence.url,
          createdAt: milestoneEvidence.createdAt,
        })
        .from(milestoneEvidence)
        .where(eq(milestoneEvidence.userId, viewer.id))
        .orderBy(asc(milestoneEvidence.createdAt), asc(milestoneEvidence.id));
      const eventRows = await tx
        .select({
          milestoneId: progressEvents.milestoneId,
          actorId: progressEvents.actorId,
          fromStatus: progressEvents.fromStatus,
          toStatus: progressEvents.toStatus,
          createdAt: progressEvents.createdAt,
        })
        .from(progressEvents)
        .where(eq(progressEvents.userId, viewer.id))
        .orderBy(asc(progressEvents.createdAt), asc(progressEvents.id));
      const targetRows = await tx
        .select({ stageId: stageTargets.stageId, targetDate: stageTargets.targetDate })
        .from(stageTargets)
        .where(eq(stageTargets.userId, viewer.id));
      const messageRows = await tx
        .select({
          roadmap: roadmaps.slug,
          milestone: milestones.slug,
          authorId: milestoneMessages.authorId,
          body: milestoneMessages.body,
          createdAt: milestoneMessages.createdAt,
        })
        .from(milestoneMessages)
        .innerJoin(milestones, eq(milestones.id, milestoneMessages.milestoneId))
        .innerJoin(roadmaps, eq(roadmaps.id, milestones.roadmapId))
        .where(eq(milestoneMessages.learnerId, viewer.id))
        .orderBy(asc(milestoneMessages.createdAt), asc(milestoneMessages.id));

      const touched = new Set(
        [...progressRows, ...noteRows, ...evidenceRows, ...eventRows].map((row) => row.milestoneId),
      );
      const targetStageIds = targetRows.map((row) => row.stageId);
      const roadmapIds = new Set(followed.map((row) => row.roadmapId));
      if (touched.size > 0 || targetStageIds.length > 0) {
        const owners = await tx
          .selectDistinct({ roadmapId: milestones.roadmapId })
          .from(milestones)
          .innerJoin(stages, eq(stages.id, milestones.stageId))
          .where(
            or(
              touched.size > 0 ? inArray(milestones.id, [...touched]) : undefined,
              targetStageIds.length > 0 ? inArray(stages.id, targetStageIds) : undefined,
            ),
          );
        for (const { roadmapId } of owners) roadmapIds.add(roadmapId);
      }
      const content =
        roadmapIds.size === 0
          ? []
          : await tx.query.roadmaps.findMany({
              where: inArray(roadmaps.id, [...roadmapIds]),
              orderBy: [asc(roadmaps.title), asc(roadmaps.slug)],
              columns: { id: true, slug: true, title: true },
              with: {
                stages: {
                  orderBy: [asc(stages.position), asc(stages.slug)],
                  columns: { id: true, slug: true, title: true, archivedAt: true },
                  with: {
                    milestones: {
                      orderBy: [asc(milestones.position), asc(milestones.slug)],
                      columns: { id: true, slug: true, title: true, archivedAt: true },
                    },
                  },
                },
              },
            });

      const followedById = new Map(followed.map((row) => [row.roadmapId, row]));
      const progressById = new Map(progressRows.map((row) => [row.milestoneId, row]));
      const noteById = new Map(noteRows.map((row) => [row.milestoneId, row]));
      const targetByStage = new Map(targetRows.map((row) => [row.stageId, row.targetDate]));
      const evidenceById = new Map<string, ExportedMilestone["evidence"]>();
      for (const row of evidenceRows) {
        const links = evidenceById.get(row.milestoneId) ?? [];
        links.push({ title: row.title, url: row.url, addedAt: iso(row.createdAt) });
        evidenceById.set(row.milestoneId, links);
      }

      const exported = content.map((roadmap): ExportedRoadmap => {
        const enrollment = followedById.get(roadmap.id);
        const slugById = new Map<string, string>();
        const result: ExportedRoadmap = {
          slug: roadmap.slug,
          title: roadmap.title,
          startedAt: enrollment ? iso(enrollment.startedAt) : null,
          plannedStart: enrollment?.plannedStart ?? null,
          targetDate: enrollment?.targetDate ?? null,
          stages: [],
          stageTargets: [],
          milestones: [],
          history: [],
        };
        for (const stage of roadmap.stages) {
          const target = targetByStage.get(stage.id);
          let listed = false;
          for (const milestone of stage.milestones) {
            slugById.set(milestone.id, milestone.slug);
            const archived = milestone.archivedAt !== null || stage.archivedAt !== null;
            // A retired milestone is listed only when the learner has something on it.
            if (!touched.has(milestone.id) && !(enrollment && !archived)) continue;
            listed = true;
            const progress = progressById.get(milestone.id);
            const note = noteById.get(milestone.id);
            result.milestones.push({
              slug: milestone.slug,
              title: milestone.title,
              stage: stage.slug,
              archived,
              status: progress?.status ?? "not_started",
              startedAt: isoOrNull(progress?.startedAt ?? null),
              completedAt: isoOrNull(progress?.completedAt ?? null),
              note: note ? { body: note.body, updatedAt: iso(note.updatedAt) } : null,
              evidence: evidenceById.get(milestone.id) ?? [],
            });
          }
          if (target) result.stageTargets.push({ stage: stage.slug, targetDate: target });
          if (listed || target) result.stages.push({ slug: stage.slug, title: stage.title });
        }
        for (const event of eventRows) {
          const slug = slugById.get(event.milestoneId);
          if (!slug) continue;
          result.history.push({
            milestone: slug,
            from: event.fromStatus,
            to: event.toStatus,
            at: iso(event.createdAt),
            ...(event.actorId === viewer.id ? {} : { byMentor: true as const }),
          });
        }
        return result;
      });

      return {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: iso(now),
        account,
        roadmaps: exported,
        feedback: messageRows.map((row) => ({
          roadmap: row.roadmap,
          milestone: row.milestone,
          author: row.authorId === viewer.id ? "you" : "mentor",
          body: row.body,
          at: iso(row.createdAt),
        })),
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
