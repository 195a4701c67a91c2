import "server-only";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Transaction } from "../../db/client";
import {
  mentorships,
  milestones,
  notifications,
  roadmaps,
  stages,
  users,
  type NotificationKind,
} from "../../db/schema";
import { isCurrentMentorship } from "./access";
import { queueImmediateNoticeMails } from "./internal/notice-mails";
import type { Viewer } from "./viewer";

type NewNotification = {
  userId: string;
  kind: NotificationKind;
  actorId: string;
  learnerId: string;
  milestoneId?: string;
  stageId?: string;
};

/**
 * Records notifications; one a mentor already has (a stage finished twice) is not repeated.
 * Those their recipients want mailed at once are queued with them: the caller wakes delivery.
 */
export async function notify(tx: Transaction, rows: NewNotification[]): Promise<void> {
  if (rows.length === 0) return;
  const recorded = await tx
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId, kind: notifications.kind });
  await queueImmediateNoticeMails(tx, recorded);
}

/** The ids of a learner's current mentors, to tell them about the learner's news. */
export async function currentMentorIds(tx: Transaction, learnerId: string): Promise<string[]> {
  const rows = await tx
    .select({ mentorId: mentorships.mentorId })
    .from(mentorships)
    .where(isCurrentMentorship({ learnerId }));
  return rows.map((row) => row.mentorId);
}

export async function countUnreadNotifications({ viewer }: { viewer: Viewer }): Promise<number> {
  const [row] = await getDb()
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, viewer.id), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

const actors = alias(users, "actors");
const learners = alias(users, "learners");

export type NotificationView = {
  id: string;
  kind: NotificationKind;
  actorName: string;
  learnerName: string;
  /** For a link straight to the milestone's feedback thread. */
  milestoneId: string | null;
  milestoneTitle: string | null;
  stageTitle: string | null;
  roadmapSlug: string | null;
  /** For a mentor's notification: their current mentorship of the learner, for the link. */
  mentorshipId: string | null;
  /**
   * Whether the viewer is the learner the notification is about. Fixed when it was written, so its
   * wording stays that of the event even after the mentorship ends (mentorshipId is then null).
   */
  toLearner: boolean;
  createdAt: Date;
  unread: boolean;
};

export async function listNotificationsForViewer({
  viewer,
  limit = 50,
  ids,
}: {
  viewer: Viewer;
  limit?: number;
  /** Only these (a mail's notices); the viewer's own still, whatever ids are given. */
  ids?: string[];
}): Promise<NotificationView[]> {
  if (ids?.length === 0) return [];
  const rows = await getDb()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      actorName: actors.name,
      learnerName: learners.name,
      milestoneId: notifications.milestoneId,
      milestoneTitle: milestones.title,
      stageTitle: stages.title,
      roadmapSlug: roadmaps.slug,
      mentorshipId: mentorships.id,
      learnerId: notifications.learnerId,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(actors, eq(actors.id, notifications.actorId))
    .innerJoin(learners, eq(learners.id, notifications.learnerId))
    .leftJoin(milestones, eq(milestones.id, notifications.milestoneId))
    .leftJoin(stages, eq(stages.id, notifications.stageId))
    .leftJoin(roadmaps, eq(roadmaps.id, sql`coalesce(${milestones.roadmapId}, ${stages.roadmapId})`))
    .leftJoin(mentorships, isCurrentMentorship({ mentorId: viewer.id, learnerId: notifications.learnerId }))
    .where(and(eq(notifications.userId, viewer.id), ids ? inArray(notifications.id, ids) : undefined))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    actorName: row.actorName ?? "Someone",
    learnerName: row.learnerName ?? "Unnamed learner",
    milestoneId: row.milestoneId,
    milestoneTitle: row.milestoneTitle,
    stageTitle: row.stageTitle,
    roadmapSlug: row.roadmapSlug,
    mentorshipId: row.mentorshipId,
    toLearner: row.learnerId === viewer.id,
    createdAt: row.createdAt,
    unread: row.readAt === null,
  }));
}

/** Marks read exactly the notifications the viewer was shown; any that arrived since stay unread. */
export async function markNotificationsRead({ viewer, ids }: { viewer: Viewer; ids: string[] }): Promise<void> {
  if (ids.length === 0) return;
  await getDb()
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, viewer.id), isNull(notifications.readAt), inArray(notifications.id, ids)));
}
