import "server-only";
import { and, asc, desc, eq, gt, ne } from "drizzle-orm";
import { getDb } from "../../db/client";
import { roadmapAssignments, roadmaps, users } from "../../db/schema";
import { AppError } from "../domain/errors";
import { requireMenteeAccess, requirePermission } from "./access";
import { followRoadmapForViewer } from "./following";
import { listedRoadmapsFor, requireRoadmapAccess } from "./roadmap-access";
import { couldBeRowId } from "./row-id";
import type { Viewer } from "./viewer";

export type AssignmentStatus = (typeof roadmapAssignments.$inferSelect)["status"];

export type MenteeAssignment = { roadmapSlug: string; roadmapTitle: string; status: AssignmentStatus; at: Date };
export type PendingAssignment = {
  id: string;
  roadmapSlug: string;
  roadmapTitle: string;
  roadmapSummary: string;
  mentorName: string;
  assignedAt: Date;
};

/** The one answer about an assignment that isn't the viewer's to answer. */
const noAssignment = () => new AppError("NOT_FOUND", "There is no such suggestion, or it has been answered.");

/**
 * A mentor suggests a roadmap to a current mentee. The mentor must be able to see the roadmap
 * (their own private one included) and it must be published; the mentee may then read it and
 * answers on their dashboard. Suggesting a declined roadmap again asks again.
 */
export async function assignRoadmap({
  viewer,
  mentorshipId,
  roadmapSlug,
}: {
  viewer: Viewer;
  mentorshipId: string;
  roadmapSlug: string;
}): Promise<{ roadmapTitle: string; status: AssignmentStatus }> {
  const mentee = await requireMenteeAccess({ viewer, mentorshipId });
  requirePermission(mentee, "assignRoadmap");
  const { roadmap } = await requireRoadmapAccess({ viewer, slug: roadmapSlug, permission: "view" });
  if (roadmap.publishedVersion === 0) {
    throw new AppError("INVALID_INPUT", "Publish this roadmap before suggesting it to a mentee.", {
      roadmapSlug: ["Publish this roadmap before suggesting it to a mentee."],
    });
  }
  const [row] = await getDb()
    .insert(roadmapAssignments)
    .values({ roadmapId: roadmap.id, learnerId: mentee.learnerId, mentorId: viewer.id })
    .onConflictDoUpdate({
      target: [roadmapAssignments.roadmapId, roadmapAssignments.learnerId],
      set: { status: "pending", mentorId: viewer.id, createdAt: new Date(), respondedAt: null },
      setWhere: eq(roadmapAssignments.status, "declined"),
    })
    .returning({ status: roadmapAssignments.status });
  if (row) return { roadmapTitle: roadmap.title, status: row.status };
  const [existing] = await getDb()
    .select({ status: roadmapAssignments.status })
    .from(roadmapAssignments)
    .where(and(eq(roadmapAssignments.roadmapId, roadmap.id), eq(roadmapAssignments.learnerId, mentee.learnerId)));
  return { roadmapTitle: roadmap.title, status: existing?.status ?? "pending" };
}

/** What this mentor has suggested to this mentee, newest first: other mentors' suggestions are theirs. */
export async function listAssignmentsForMentee({
  viewer,
  mentorshipId,
}: {
  viewer: Viewer;
  mentorshipId: string;
}): Promise<MenteeAssignment[]> {
  const mentee = await requireMenteeAccess({ viewer, mentorshipId });
  requirePermission(mentee, "assignRoadmap");
  const rows = await getDb()
    .select({
      roadmapSlug: roadmaps.slug,
      roadmapTitle: roadmaps.title,
      status: roadmapAssignments.status,
      createdAt: roadmapAssignments.createdAt,
      respondedAt: roadmapAssignments.respondedAt,
    })
    .from(roadmapAssignments)
    .innerJoin(roadmaps, eq(roadmaps.id, roadmapAssignments.roadmapId))
    .where(and(eq(roadmapAssignments.learnerId, mentee.learnerId), eq(roadmapAssignments.mentorId, viewer.id)))
    .orderBy(desc(roadmapAssignments.createdAt));
  return rows.map(({ respondedAt, createdAt, ...row }) => ({ ...row, at: respondedAt ?? createdAt }));
}

/** Published roadmaps a mentor may suggest: what their catalogue lists (their own private ones included). */
export async function listAssignableRoadmaps({ viewer }: { viewer: Viewer }) {
  return getDb()
    .select({ slug: roadmaps.slug, title: roadmaps.title })
    .from(roadmaps)
    .where(and(listedRoadmapsFor(viewer.id), gt(roadmaps.publishedVersion, 0)))
    .orderBy(asc(roadmaps.title));
}

/** Suggestions waiting for the viewer's answer, with who made them. */
export async function listPendingAssignmentsForViewer({ viewer }: { viewer: Viewer }): Promise<PendingAssignment[]> {
  const rows = await getDb()
    .select({
      id: roadmapAssignments.id,
      roadmapSlug: roadmaps.slug,
      roadmapTitle: roadmaps.title,
      roadmapSummary: roadmaps.summary,
      mentorName: users.name,
      assignedAt: roadmapAssignments.createdAt,
    })
    .from(roadmapAssignments)
    .innerJoin(roadmaps, eq(roadmaps.id, roadmapAssignments.roadmapId))
    .innerJoin(users, eq(users.id, roadmapAssignments.mentorId))
    .where(and(eq(roadmapAssignments.learnerId, viewer.id), eq(roadmapAssignments.status, "pending")))
    .orderBy(desc(roadmapAssignments.createdAt));
  return rows.map((row) => ({ ...row, mentorName: row.mentorName ?? "Your mentor" }));
}

/**
 * The learner's answer. Accepting follows the roadmap, so it shows on their dashboard;
 * declining ends the access the suggestion gave (unless they follow it).
 */
export async function answerAssignment({
  viewer,
  assignmentId,
  accept,
}: {
  viewer: Viewer;
  assignmentId: string;
  accept: boolean;
}): Promise<{ roadmapSlug: string }> {
  if (!couldBeRowId(assignmentId)) throw noAssignment();
  const [row] = await getDb()
    .update(roadmapAssignments)
    .set({ status: accept ? "accepted" : "declined", respondedAt: new Date() })
    .where(
      and(
        eq(roadmapAssignments.id, assignmentId),
        eq(roadmapAssignments.learnerId, viewer.id),
        ne(roadmapAssignments.status, accept ? "accepted" : "declined"),
      ),
    )
    .returning({ roadmapId: roadmapAssignments.roadmapId });
  if (!row) throw noAssignment();
  const [roadmap] = await getDb().select({ slug: roadmaps.slug }).from(roadmaps).where(eq(roadmaps.id, row.roadmapId));
  if (accept) await followRoadmapForViewer({ viewer, roadmapSlug: roadmap!.slug });
  return { roadmapSlug: roadmap!.slug };
}
