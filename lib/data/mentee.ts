import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { enrollments, milestones, progressEvents, roadmaps } from "../../db/schema";
import type { MilestoneStatus, StatusMap } from "../domain/progress-math";
import type { MilestoneDates } from "../domain/history";
import { allows, requireMenteeAccess, requirePermission } from "./access";
import type { EvidenceView } from "./evidence";
import { feedbackVisibleTo, type MilestoneFeedback } from "./feedback";
import { newestEventsFirst } from "./insight";
import { loadEvidence } from "./internal/learner-evidence";
import { loadNotes } from "./internal/learner-notes";
import { loadLearnerRoadmap } from "./internal/learner-roadmap";
import type { NoteView } from "./notes";
import type { RoadmapView } from "./roadmaps";
import type { Viewer } from "./viewer";

export type ActivityItem = {
  id: number;
  milestoneTitle: string;
  fromStatus: MilestoneStatus;
  toStatus: MilestoneStatus;
  at: Date;
};

export type MenteeView = {
  mentorshipId: string;
  learnerId: string;
  learnerName: string;
  mentoredSince: Date;
  /** Notes appear only where the learner chose to share them with this mentor. */
  roadmaps: {
    roadmap: RoadmapView;
    statuses: StatusMap;
    dates: MilestoneDates;
    notes: Record<string, NoteView>;
    evidence: Record<string, EvidenceView[]>;
  }[];
  activity: ActivityItem[];
  feedback: MilestoneFeedback;
};

const RECENT_ACTIVITY = 20;

/** A mentee's roadmaps as they see them, their recent activity and feedback: for a current mentor only. */
export async function getMenteeForViewer({
  viewer,
  mentorshipId,
}: {
  viewer: Viewer;
  mentorshipId: string;
}): Promise<MenteeView> {
  const mentee = await requireMenteeAccess({ viewer, mentorshipId });
  requirePermission(mentee, "readProgress");
  const db = getDb();
  const [followed, activity, feedback] = await Promise.all([
    db
      .select({ slug: roadmaps.slug })
      .from(enrollments)
      .innerJoin(roadmaps, eq(roadmaps.id, enrollments.roadmapId))
      .where(eq(enrollments.userId, mentee.learnerId))
      .orderBy(asc(roadmaps.title)),
    db
      .select({
        id: progressEvents.id,
        milestoneTitle: milestones.title,
        fromStatus: progressEvents.fromStatus,
        toStatus: progressEvents.toStatus,
        at: progressEvents.createdAt,
      })
      .from(progressEvents)
      .innerJoin(milestones, eq(milestones.id, progressEvents.milestoneId))
      .where(eq(progressEvents.userId, mentee.learnerId))
      .orderBy(...newestEventsFirst)
      .limit(RECENT_ACTIVITY),
    feedbackVisibleTo(mentee),
  ]);
  return {
    mentorshipId: mentee.mentorshipId,
    learnerId: mentee.learnerId,
    learnerName: mentee.learnerName,
    mentoredSince: mentee.mentoredSince,
    roadmaps: await Promise.all(
      followed.map(async ({ slug }) => ({
        ...(await loadLearnerRoadmap(slug, mentee.learnerId)),
        notes: allows(mentee, "readNotes") ? await loadNotes(mentee.learnerId, slug) : {},
        evidence: allows(mentee, "readEvidence") ? await loadEvidence(mentee.learnerId, slug) : {},
      })),
    ),
    activity,
    feedback,
  };
}
