import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Transaction } from "../../db/client";
import {
  enrollments,
  milestoneMessages,
  milestoneProgress,
  milestoneReviews,
  milestones,
  users,
} from "../../db/schema";
import { AppError } from "../domain/errors";
import { lockCurrentMentorship, noAccess, requireLearnerAccess, requirePermission, type Access } from "./access";
import { notify } from "./notifications";
import type { Viewer } from "./viewer";

export const MESSAGE_MAX_LENGTH = 2000;

export type ThreadMessage = {
  id: string;
  authorName: string;
  fromLearner: boolean;
  body: string;
  createdAt: Date;
};

/** One mentor's conversation with the learner about one milestone. */
export type Thread = { mentorId: string | null; mentorName: string; messages: ThreadMessage[] };

export type MilestoneFeedback = {
  /** By milestone id. A mentor gets only their own thread; the learner gets every mentor's. */
  threads: Record<string, Thread[]>;
  /** By milestone id: who marked it reviewed. A mentor sees only their own mark. */
  reviews: Record<string, { reviewerName: string; reviewedAt: Date }[]>;
};

const nameOrPlaceholder = (name: string | null, placeholder: string) => name ?? placeholder;

export type FeedbackMessageRow = {
  id: string;
  milestoneId: string;
  mentorId: string | null;
  mentorName: string | null;
  authorId: string | null;
  authorName: string | null;
  body: string;
  createdAt: Date;
};
export type FeedbackReviewRow = { milestoneId: string; reviewerName: string | null; reviewedAt: Date };

/** Groups a learner's messages (oldest first) into one thread per mentor and milestone. */
export function feedbackFromRows(
  learnerId: string,
  messageRows: readonly FeedbackMessageRow[],
  reviewRows: readonly FeedbackReviewRow[],
): MilestoneFeedback {
  const threads: MilestoneFeedback["threads"] = {};
  for (const row of messageRows) {
    const milestoneThreads = (threads[row.milestoneId] ??= []);
    let thread = milestoneThreads.find((candidate) => candidate.mentorId === row.mentorId);
    if (!thread) {
      thread = {
        mentorId: row.mentorId,
        mentorName: nameOrPlaceholder(row.mentorName, "A former mentor"),
        messages: [],
      };
      milestoneThreads.push(thread);
    }
    const fromLearner = row.authorId === learnerId;
    thread.messages.push({
      id: row.id,
      authorName: nameOrPlaceholder(row.authorName, fromLearner ? "Learner" : "A former mentor"),
      fromLearner,
      body: row.body,
      createdAt: row.createdAt,
    });
  }
  const reviews: MilestoneFeedback["reviews"] = {};
  for (const row of reviewRows) {
    (reviews[row.milestoneId] ??= []).push({
      reviewerName: nameOrPlaceholder(row.reviewerName, "A mentor"),
      reviewedAt: row.reviewedAt,
    });
  }
  return { threads, reviews };
}

const mentors = alias(users, "thread_mentors");
const authors = alias(users, "message_authors");

/** Feedback threads and review marks on a learner's milestones, as the viewer may see them. */
export async function getMilestoneFeedback({
  viewer,
  learnerId,
}: {
  viewer: Viewer;
  learnerId: string;
}): Promise<MilestoneFeedback> {
  return feedbackVisibleTo(await requireLearnerAccess({ viewer, learnerId, permission: "readFeedback" }));
}

/** The feedback an access already resolved may read: a mentor only their own threads and marks. */
export async function feedbackVisibleTo(access: Access): Promise<MilestoneFeedback> {
  requirePermission(access, "readFeedback");
  const { learnerId } = access;
  const onlyMentorId = access.role === "currentMentor" ? access.mentorId : null;
  const db = getDb();
  const [messageRows, reviewRows] = await Promise.all([
    db
      .select({
        id: milestoneMessages.id,
        milestoneId: milestoneMessages.milestoneId,
        mentorId: milestoneMessages.mentorId,
        mentorName: mentors.name,
        authorId: milestoneMessages.authorId,
        authorName: authors.name,
        body: milestoneMessages.body,
        createdAt: milestoneMessages.createdAt,
      })
      .from(milestoneMessages)
      .leftJoin(mentors, eq(mentors.id, milestoneMessages.mentorId))
      .leftJoin(authors, eq(authors.id, milestoneMessages.authorId))
      .where(
        and(
          eq(milestoneMessages.learnerId, learnerId),
          onlyMentorId ? eq(milestoneMessages.mentorId, onlyMentorId) : undefined,
        ),
      )
      .orderBy(asc(milestoneMessages.createdAt), asc(milestoneMessages.id)),
    db
      .select({
        milestoneId: milestoneReviews.milestoneId,
        reviewerName: users.name,
        reviewedAt: milestoneReviews.reviewedAt,
      })
      .from(milestoneReviews)
      .innerJoin(users, eq(users.id, milestoneReviews.reviewerId))
      .where(
        and(
          eq(milestoneReviews.learnerId, learnerId),
          onlyMentorId ? eq(milestoneReviews.reviewerId, onlyMentorId) : undefined,
        ),
      ),
  ]);

  return feedbackFromRows(learnerId, messageRows, reviewRows);
}

function checkBody(body: string): string {
  const text = body.trim();
  if (!text) throw new AppError("INVALID_INPUT", "Write something first.", { body: ["Write something first."] });
  if (text.length > MESSAGE_MAX_LENGTH) {
    const message = `Keep it under ${MESSAGE_MAX_LENGTH} characters (this is ${text.length}).`;
    throw new AppError("INVALID_INPUT", message, { body: [message] });
  }
  return text;
}

/** The milestone must be current and on a roadmap the learner follows, so every thread leads somewhere. */
async function requireFollowedMilestone(tx: Transaction, learnerId: string, milestoneId: string): Promise<void> {
  const [row] = await tx
    .select({ id: milestones.id })
    .from(milestones)
    .innerJoin(enrollments, and(eq(enrollments.roadmapId, milestones.roadmapId), eq(enrollments.userId, learnerId)))
    .where(and(eq(milestones.id, milestoneId), isNull(milestones.archivedAt)));
  if (!row) throw noAccess();
}

/**
 * Adds to a milestone's thread. A current mentor writes in their own thread (the learner is
 * told); the learner replies in a thread a current mentor started (that mentor is told).
 * The mentorship is locked while writing, so one ended a moment ago can't slip a post in.
 */
export async function postMilestoneMessage({
  viewer,
  learnerId,
  milestoneId,
  mentorId,
  body,
}: {
  viewer: Viewer;
  learnerId: string;
  milestoneId: string;
  /** The thread's mentor; ignored for a mentor, who always writes in their own. */
  mentorId?: string | undefined;
  body: string;
}): Promise<ThreadMessage> {
  const text = checkBody(body);
  const role = viewer.id === learnerId ? "learner" : "mentor";
  const threadMentorId = role === "mentor" ? viewer.id : mentorId;
  if (!threadMentorId) throw new AppError("INVALID_INPUT", "Choose which mentor you are replying to.");

  return getDb().transaction(async (tx) => {
    await requireLearnerAccess({ viewer, learnerId, permission: "postFeedback", tx });
    // The learner may reply only while the thread's mentor can still read it.
    if (role === "learner" && !(await lockCurrentMentorship(tx, { mentorId: threadMentorId, learnerId }))) {
      throw new AppError("CONFLICT", "That mentor no longer mentors you, so they can't see a reply.");
    }
    await requireFollowedMilestone(tx, learnerId, milestoneId);
    if (role === "learner") {
      const [started] = await tx
        .select({ id: milestoneMessages.id })
        .from(milestoneMessages)
        .where(
          and(
            eq(milestoneMessages.learnerId, learnerId),
            eq(milestoneMessages.milestoneId, milestoneId),
            eq(milestoneMessages.mentorId, threadMentorId),
          ),
        )
        .limit(1);
      if (!started) throw new AppError("CONFLICT", "You can reply once a mentor has left feedback here.");
    }
    const [created] = await tx
      .insert(milestoneMessages)
      .values({ learnerId, milestoneId, mentorId: threadMentorId, authorId: viewer.id, body: text })
      .returning({ id: milestoneMessages.id, createdAt: milestoneMessages.createdAt });
    await notify(tx, [
      {
        userId: role === "mentor" ? learnerId : threadMentorId,
        kind: role === "mentor" ? "feedback" : "reply",
        actorId: viewer.id,
        learnerId,
        milestoneId,
      },
    ]);
    return {
      id: created!.id,
      authorName: viewer.name ?? (role === "learner" ? "Learner" : "Mentor"),
      fromLearner: role === "learner",
      body: text,
      createdAt: created!.createdAt,
    };
  });
}

/** A current mentor marks (or unmarks) a done milestone as reviewed; the learner is told. */
export async function setMilestoneReviewed({
  viewer,
  learnerId,
  milestoneId,
  reviewed,
}: {
  viewer: Viewer;
  learnerId: string;
  milestoneId: string;
  reviewed: boolean;
}): Promise<void> {
  await getDb().transaction(async (tx) => {
    await requireLearnerAccess({ viewer, learnerId, permission: "markReviewed", tx });
    const mark = and(
      eq(milestoneReviews.learnerId, learnerId),
      eq(milestoneReviews.milestoneId, milestoneId),
      eq(milestoneReviews.reviewerId, viewer.id),
    );
    if (!reviewed) {
      await tx.delete(milestoneReviews).where(mark);
      return;
    }
    const [progress] = await tx
      .select({ status: milestoneProgress.status })
      .from(milestoneProgress)
      .where(and(eq(milestoneProgress.userId, learnerId), eq(milestoneProgress.milestoneId, milestoneId)));
    if (progress?.status !== "done") {
      throw new AppError("CONFLICT", "Only a milestone the learner has marked done can be reviewed.");
    }
    const inserted = await tx
      .insert(milestoneReviews)
      .values({ learnerId, milestoneId, reviewerId: viewer.id })
      .onConflictDoNothing()
      .returning({ milestoneId: milestoneReviews.milestoneId });
    if (inserted.length > 0) {
      await notify(tx, [{ userId: learnerId, kind: "reviewed", actorId: viewer.id, learnerId, milestoneId }]);
    }
  });
}
