import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Transaction } from "../../db/client";
import {
  enrollments,
  milestoneMessages,
  milestoneProgress,
  milestoneReviews,
  milestones,
  notifications,
  users,
} from "../../db/schema";
import { AppError } from "../domain/errors";
import { feedbackThreadHref } from "../domain/feedback-links";
import { lockCurrentMentorship, noAccess, requireLearnerAccess, requirePermission, type Access } from "./access";
import { listNotificationsForViewer, notify } from "./notifications";
import { couldBeRowId } from "./row-id";
import type { Viewer } from "./viewer";

export const MESSAGE_MAX_LENGTH = 2000;

export type ThreadMessage = {
  id: string;
  authorName: string;
  fromLearner: boolean;
  body: string;
  createdAt: Date;
  /** When its author last changed it, or null. */
  editedAt: Date | null;
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
  editedAt: Date | null;
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
      editedAt: row.editedAt,
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
        editedAt: milestoneMessages.editedAt,
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
      editedAt: null,
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

const messageColumns = {
  learnerId: milestoneMessages.learnerId,
  milestoneId: milestoneMessages.milestoneId,
  mentorId: milestoneMessages.mentorId,
  authorId: milestoneMessages.authorId,
  body: milestoneMessages.body,
  createdAt: milestoneMessages.createdAt,
  editedAt: milestoneMessages.editedAt,
};

/**
 * The viewer's own message, to change or remove. Only its author may, and a mentor only while
 * they still mentor the learner (the same permission as posting; the mentorship stays locked
 * until the write is done). The learner may always: the thread is part of their own record.
 * Anyone else — the other side of the thread included — hears the message isn't there.
 */
async function requireOwnMessage(tx: Transaction, viewer: Viewer, messageId: string) {
  if (!couldBeRowId(messageId)) throw noAccess();
  const [message] = await tx.select(messageColumns).from(milestoneMessages).where(eq(milestoneMessages.id, messageId));
  if (!message || message.authorId !== viewer.id) throw noAccess();
  await requireLearnerAccess({ viewer, learnerId: message.learnerId, permission: "postFeedback", tx });
  return message;
}

const ownMessage = (messageId: string, viewer: Viewer) =>
  and(eq(milestoneMessages.id, messageId), eq(milestoneMessages.authorId, viewer.id));

/** The author rewrites their message; it is then shown as edited. Nobody is notified again. */
export async function editMilestoneMessage({
  viewer,
  messageId,
  body,
}: {
  viewer: Viewer;
  messageId: string;
  body: string;
}): Promise<{ body: string; editedAt: Date | null }> {
  const text = checkBody(body);
  return getDb().transaction(async (tx) => {
    const message = await requireOwnMessage(tx, viewer, messageId);
    if (message.body === text) return { body: text, editedAt: message.editedAt };
    const [edited] = await tx
      .update(milestoneMessages)
      .set({ body: text, editedAt: new Date() })
      .where(ownMessage(messageId, viewer))
      .returning({ body: milestoneMessages.body, editedAt: milestoneMessages.editedAt });
    if (!edited) throw noAccess();
    return edited;
  });
}

/**
 * The author removes their message: it is deleted, not hidden, as when an account is deleted,
 * so nothing of the words is kept. The unread notice it sent goes with it, so no one is sent to
 * read a message that is gone; a notice already read stays in the history.
 */
export async function deleteMilestoneMessage({ viewer, messageId }: { viewer: Viewer; messageId: string }) {
  await getDb().transaction(async (tx) => {
    const message = await requireOwnMessage(tx, viewer, messageId);
    const fromLearner = message.authorId === message.learnerId;
    const recipient = fromLearner ? message.mentorId : message.learnerId;
    if (recipient) {
      // Posted in one transaction, the message and its notice share their creation time (compared
      // in SQL: Postgres keeps microseconds a JavaScript date would lose).
      await tx
        .delete(notifications)
        .where(
          and(
            eq(notifications.userId, recipient),
            eq(notifications.kind, fromLearner ? "reply" : "feedback"),
            eq(notifications.actorId, viewer.id),
            eq(notifications.learnerId, message.learnerId),
            eq(notifications.milestoneId, message.milestoneId),
            sql`${notifications.createdAt} = (select ${milestoneMessages.createdAt} from ${milestoneMessages} where ${milestoneMessages.id} = ${messageId})`,
            isNull(notifications.readAt),
          ),
        );
    }
    await tx.delete(milestoneMessages).where(ownMessage(messageId, viewer));
  });
}

/** Notices about feedback: a mentor's words or review mark for the learner, a learner's reply for the mentor. */
const FEEDBACK_NOTICES = ["feedback", "reply", "reviewed"] as const;

export type UnreadFeedback = {
  milestoneId: string;
  milestoneTitle: string;
  /** Who wrote, newest first. */
  from: string[];
  /** The mentee it is about, for a mentor; null on the viewer's own roadmap. */
  menteeName: string | null;
  href: string;
  latestAt: Date;
};

/**
 * The threads with messages the viewer has not seen, newest first: mentors' feedback on the
 * viewer's own milestones and, for a mentor, current mentees' replies. Read from the viewer's
 * notices (the same the notifications page lists), so opening a thread from a link clears it.
 */
export async function listUnreadFeedbackForViewer({ viewer }: { viewer: Viewer }): Promise<UnreadFeedback[]> {
  const threads = new Map<string, UnreadFeedback>();
  for (const notice of await listNotificationsForViewer({ viewer })) {
    // Review marks are listed on the notifications page only; a reply from someone the viewer no
    // longer mentors has no thread left to open.
    if (!notice.unread || !notice.milestoneId || !notice.milestoneTitle) continue;
    if (notice.kind !== "feedback" && notice.kind !== "reply") continue;
    const href = feedbackThreadHref(notice);
    if (!href) continue;
    const thread = threads.get(href);
    if (thread) {
      if (!thread.from.includes(notice.actorName)) thread.from.push(notice.actorName);
      continue;
    }
    threads.set(href, {
      milestoneId: notice.milestoneId,
      milestoneTitle: notice.milestoneTitle,
      from: [notice.actorName],
      menteeName: notice.kind === "reply" ? notice.learnerName : null,
      href,
      latestAt: notice.createdAt,
    });
  }
  return [...threads.values()];
}

/** The viewer opened a milestone's thread: its notices (feedback, replies, review marks) are read. */
export async function markFeedbackRead({
  viewer,
  learnerId,
  milestoneId,
}: {
  viewer: Viewer;
  learnerId: string;
  milestoneId: string;
}): Promise<number> {
  if (!couldBeRowId(milestoneId)) return 0;
  const marked = await getDb()
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, viewer.id),
        isNull(notifications.readAt),
        eq(notifications.learnerId, learnerId),
        eq(notifications.milestoneId, milestoneId),
        inArray(notifications.kind, [...FEEDBACK_NOTICES]),
      ),
    )
    .returning({ id: notifications.id });
  return marked.length;
}
