import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { AppError } from "../domain/errors";
import { milestoneDatesFromEvents, type MilestoneDates } from "../domain/history";
import type { MilestoneStatus, StatusMap } from "../domain/progress-math";
import type { RoadmapNotesData } from "../domain/notebook";
import { feedbackFromRows, type FeedbackMessageRow, type FeedbackReviewRow, type MilestoneFeedback } from "./feedback";
import { evidenceJson, notebookFromRows, notesJson } from "./notebook";
import { loadRoadmapContent, roadmapViewOf, type RoadmapView } from "./roadmaps";
import type { ShareLinkView } from "./share-links";
import type { Viewer } from "./viewer";

/** What the roadmap page shows a signed-in learner about their own work on it. */
export type RoadmapState = {
  statuses: StatusMap;
  dates: MilestoneDates;
  notebook: RoadmapNotesData;
  feedback: MilestoneFeedback;
  shareLink: ShareLinkView | null;
};

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

const statusesJson = (userId: string, roadmapId: string) => sql<{ milestoneId: string; status: MilestoneStatus }[]>`(
  select coalesce(json_agg(json_build_object('milestoneId', p.milestone_id, 'status', p.status)), '[]'::json)
  from milestone_progress p join milestones m on m.id = p.milestone_id
  where p.user_id = ${userId} and m.roadmap_id = ${roadmapId} and p.status <> 'not_started')`;

// Replayed in order for the started and finished dates: time first, then id (see lib/data/insight.ts).
const eventsJson = (userId: string, roadmapId: string) => sql<
  { milestoneId: string; toStatus: MilestoneStatus; at: string }[]
>`(
  select coalesce(json_agg(json_build_object('milestoneId', e.milestone_id, 'toStatus', e.to_status, 'at', e.created_at)
    order by e.created_at, e.id), '[]'::json)
  from progress_events e join milestones m on m.id = e.milestone_id
  where e.user_id = ${userId} and m.roadmap_id = ${roadmapId})`;

const messagesJson = (learnerId: string, roadmapId: string) => sql<Json<FeedbackMessageRow>[]>`(
  select coalesce(json_agg(json_build_object('id', msg.id, 'milestoneId', msg.milestone_id, 'mentorId', msg.mentor_id,
    'mentorName', mentor.name, 'authorId', msg.author_id, 'authorName', author.name, 'body', msg.body,
    'createdAt', msg.created_at) order by msg.created_at, msg.id), '[]'::json)
  from milestone_messages msg
  join milestones m on m.id = msg.milestone_id
  left join users mentor on mentor.id = msg.mentor_id
  left join users author on author.id = msg.author_id
  where msg.learner_id = ${learnerId} and m.roadmap_id = ${roadmapId})`;

const reviewsJson = (learnerId: string, roadmapId: string) => sql<Json<FeedbackReviewRow>[]>`(
  select coalesce(json_agg(json_build_object('milestoneId', r.milestone_id, 'reviewerName', reviewer.name,
    'reviewedAt', r.reviewed_at)), '[]'::json)
  from milestone_reviews r
  join milestones m on m.id = r.milestone_id
  join users reviewer on reviewer.id = r.reviewer_id
  where r.learner_id = ${learnerId} and m.roadmap_id = ${roadmapId})`;

const shareLinkJson = (userId: string, roadmapId: string) => sql<Json<ShareLinkView> | null>`(
  select json_build_object('token', s.token, 'includeEvidence', s.include_evidence, 'createdAt', s.created_at)
  from share_links s
  where s.user_id = ${userId} and s.roadmap_id = ${roadmapId} and s.revoked_at is null)`;

/**
 * A roadmap with everything the viewer has recorded on it. Every view of the roadmap page
 * reads all of it, so it comes back in one statement: the viewer's own row, with each part
 * as a JSON column. A signed-out viewer gets the public roadmap and no state.
 */
export async function getRoadmapPageForViewer({
  viewer,
  slug,
}: {
  viewer: Viewer | null;
  slug: string;
}): Promise<{ roadmap: RoadmapView; state: RoadmapState | null }> {
  const content = await requireContent(slug);
  if (!viewer) return { roadmap: await roadmapViewOf(content, {}), state: null };

  const [row] = await getDb()
    .select({
      statuses: statusesJson(viewer.id, content.id),
      events: eventsJson(viewer.id, content.id),
      notes: notesJson(viewer.id, content.id),
      evidence: evidenceJson(viewer.id, content.id),
      messages: messagesJson(viewer.id, content.id),
      reviews: reviewsJson(viewer.id, content.id),
      shareLink: shareLinkJson(viewer.id, content.id),
    })
    .from(users)
    .where(eq(users.id, viewer.id));
  if (!row) throw new AppError("UNAUTHENTICATED", "Sign in again to see your progress.");

  const statuses = statusMapOf(row.statuses);
  const state: RoadmapState = {
    statuses,
    dates: milestoneDatesFromEvents(row.events.map((event) => ({ ...event, at: new Date(event.at) }))),
    notebook: notebookFromRows(row.notes, row.evidence),
    feedback: feedbackFromRows(
      viewer.id,
      row.messages.map((message) => ({ ...message, createdAt: new Date(message.createdAt) })),
      row.reviews.map((review) => ({ ...review, reviewedAt: new Date(review.reviewedAt) })),
    ),
    shareLink: row.shareLink && { ...row.shareLink, createdAt: new Date(row.shareLink.createdAt) },
  };
  return { roadmap: await roadmapViewOf(content, statuses), state };
}

/** The viewer's statuses and milestone dates on a roadmap, in one statement, for the page's client cache. */
export async function getRoadmapProgressForViewer({
  viewer,
  roadmapSlug,
}: {
  viewer: Viewer;
  roadmapSlug: string;
}): Promise<LearnerProgress> {
  return readProgress(viewer.id, (await requireContent(roadmapSlug)).id);
}

/**
 * A roadmap with one learner's statuses and milestone dates (one statement), for the data
 * layer only: callers have decided that the viewer may see this learner's progress (a
 * mentee's, or a published share link's).
 */
export async function loadLearnerRoadmap(
  slug: string,
  learnerId: string,
): Promise<LearnerProgress & { roadmap: RoadmapView }> {
  const content = await requireContent(slug);
  const progress = await readProgress(learnerId, content.id);
  return { roadmap: await roadmapViewOf(content, progress.statuses), ...progress };
}

type LearnerProgress = { statuses: StatusMap; dates: MilestoneDates };

async function requireContent(slug: string) {
  const content = await loadRoadmapContent(slug);
  if (!content) throw new AppError("NOT_FOUND", "There is no roadmap at this address.");
  return content;
}

async function readProgress(learnerId: string, roadmapId: string): Promise<LearnerProgress> {
  const [row] = await getDb()
    .select({ statuses: statusesJson(learnerId, roadmapId), events: eventsJson(learnerId, roadmapId) })
    .from(users)
    .where(eq(users.id, learnerId));
  return {
    statuses: statusMapOf(row?.statuses ?? []),
    dates: milestoneDatesFromEvents((row?.events ?? []).map((event) => ({ ...event, at: new Date(event.at) }))),
  };
}

function statusMapOf(rows: readonly { milestoneId: string; status: MilestoneStatus }[]): StatusMap {
  return Object.fromEntries(rows.map(({ milestoneId, status }) => [milestoneId, status]));
}
