import "server-only";
import { aliasedTable, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { milestoneMessages, milestoneReviews, milestones, shareLinks, users } from "../../db/schema";
import { AppError } from "../domain/errors";
import type { MilestoneDates } from "../domain/history";
import type { StatusMap } from "../domain/progress-math";
import type { RoadmapNotesData } from "../domain/notebook";
import { feedbackFromRows, type FeedbackMessageRow, type FeedbackReviewRow, type MilestoneFeedback } from "./feedback";
import {
  datesOf,
  eventsJson,
  readLearnerProgress,
  requireRoadmapContent,
  statusesJson,
  statusMapOf,
  type LearnerProgress,
} from "./internal/learner-roadmap";
import { requireRoadmapAccess } from "./roadmap-access";
import { evidenceJson, notebookFromRows, notesJson } from "./internal/notebook-json";
import { roadmapViewOf, type RoadmapView } from "./roadmaps";
import { unseenChangesOf, unseenVersionsJson, type UnseenChanges } from "./roadmap-versions";
import type { ShareLinkView } from "./share-links";
import { scalarSubquery } from "./scalar-subquery";
import type { Viewer } from "./viewer";

/** What the roadmap page shows a signed-in learner about their own work on it. */
export type RoadmapState = {
  statuses: StatusMap;
  dates: MilestoneDates;
  notebook: RoadmapNotesData;
  feedback: MilestoneFeedback;
  shareLink: ShareLinkView | null;
  /** What changed since the version the learner last acknowledged; null when nothing new. */
  unseenChanges: UnseenChanges | null;
};

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

// In raw SQL an aliased table names only its alias: each join spells out `${users} ${alias}`.
const threadMentors = aliasedTable(users, "thread_mentors");
const messageAuthors = aliasedTable(users, "message_authors");
const reviewers = aliasedTable(users, "reviewers");

const messagesJson = (learnerId: string, roadmapId: string) =>
  scalarSubquery<Json<FeedbackMessageRow>[]>(sql`
  select coalesce(json_agg(json_build_object('id', ${milestoneMessages.id},
    'milestoneId', ${milestoneMessages.milestoneId}, 'mentorId', ${milestoneMessages.mentorId},
    'mentorName', ${threadMentors.name}, 'authorId', ${milestoneMessages.authorId},
    'authorName', ${messageAuthors.name}, 'body', ${milestoneMessages.body},
    'createdAt', ${milestoneMessages.createdAt}, 'editedAt', ${milestoneMessages.editedAt}) order by ${milestoneMessages.createdAt}, ${milestoneMessages.id}), '[]'::json)
  from ${milestoneMessages}
  join ${milestones} on ${milestones.id} = ${milestoneMessages.milestoneId}
  left join ${users} ${threadMentors} on ${threadMentors.id} = ${milestoneMessages.mentorId}
  left join ${users} ${messageAuthors} on ${messageAuthors.id} = ${milestoneMessages.authorId}
  where ${milestoneMessages.learnerId} = ${learnerId} and ${milestones.roadmapId} = ${roadmapId}`);

const reviewsJson = (learnerId: string, roadmapId: string) =>
  scalarSubquery<Json<FeedbackReviewRow>[]>(sql`
  select coalesce(json_agg(json_build_object('milestoneId', ${milestoneReviews.milestoneId},
    'reviewerName', ${reviewers.name}, 'reviewedAt', ${milestoneReviews.reviewedAt})), '[]'::json)
  from ${milestoneReviews}
  join ${milestones} on ${milestones.id} = ${milestoneReviews.milestoneId}
  join ${users} ${reviewers} on ${reviewers.id} = ${milestoneReviews.reviewerId}
  where ${milestoneReviews.learnerId} = ${learnerId} and ${milestones.roadmapId} = ${roadmapId}`);

const shareLinkJson = (userId: string, roadmapId: string) =>
  scalarSubquery<Json<ShareLinkView> | null>(sql`
  select json_build_object('token', ${shareLinks.token}, 'includeEvidence', ${shareLinks.includeEvidence},
    'createdAt', ${shareLinks.createdAt})
  from ${shareLinks}
  where ${shareLinks.userId} = ${userId} and ${shareLinks.roadmapId} = ${roadmapId} and ${shareLinks.revokedAt} is null`);

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
  const access = await requireRoadmapAccess({ viewer, slug, permission: "view" });
  const content = await requireRoadmapContent(access.roadmap);
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
      unseen: unseenVersionsJson(viewer.id, content.id),
    })
    .from(users)
    .where(eq(users.id, viewer.id));
  if (!row) throw new AppError("UNAUTHENTICATED", "Sign in again to see your progress.");

  const statuses = statusMapOf(row.statuses);
  const state: RoadmapState = {
    statuses,
    dates: datesOf(row.events),
    notebook: notebookFromRows(row.notes, row.evidence),
    feedback: feedbackFromRows(
      viewer.id,
      row.messages.map((message) => ({
        ...message,
        createdAt: new Date(message.createdAt),
        editedAt: message.editedAt === null ? null : new Date(message.editedAt),
      })),
      row.reviews.map((review) => ({ ...review, reviewedAt: new Date(review.reviewedAt) })),
    ),
    shareLink: row.shareLink && { ...row.shareLink, createdAt: new Date(row.shareLink.createdAt) },
    unseenChanges: unseenChangesOf(row.unseen),
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
  const access = await requireRoadmapAccess({ viewer, slug: roadmapSlug, permission: "view" });
  return readLearnerProgress(viewer.id, access.roadmap.id);
}
