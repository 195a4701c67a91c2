import { and, asc, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { milestoneMessages, milestoneProgress, milestoneReviews, milestones, users } from "../../db/schema";
import { AppError } from "../errors";
import { findCurrentMentorship } from "./mentorships";
import { currentMentorIds, notify } from "./notifications";
import type { Viewer } from "./viewer";

export const MESSAGE_MAX_LENGTH = 2000;

export type ThreadMessage = {
  id: string;
  authorName: string;
  fromLearner: boolean;
  body: string;
  createdAt: Date;
};

export type MilestoneFeedback = {
  threads: Record<string, ThreadMessage[]>;
  reviews: Record<string, { reviewerName: string; reviewedAt: Date }>;
};

const notFound = () => new AppError("NOT_FOUND", "There is nothing here, or you no longer have access to it.");

/** The learner themself, or one of their current mentors; anyone else learns nothing. */
async function requireLearnerAccess(viewer: Viewer, learnerId: string): Promise<"learner" | "mentor"> {
  if (viewer.id === learnerId) return "learner";
  if (await findCurrentMentorship(getDb(), { mentorId: viewer.id, learnerId })) return "mentor";
  throw notFound();
}

/** Every feedback thread and review mark on a learner's milestones. */
export async function getMilestoneFeedback({
  viewer,
  learnerId,
}: {
  viewer: Viewer;
  learnerId: string;
}): Promise<MilestoneFeedback> {
  await requireLearnerAccess(viewer, learnerId);
  const db = getDb();
  const [messageRows, reviewRows] = await Promise.all([
    db
      .select({
        id: milestoneMessages.id,
        milestoneId: milestoneMessages.milestoneId,
        authorId: milestoneMessages.authorId,
        authorName: users.name,
        authorEmail: users.email,
        body: milestoneMessages.body,
        createdAt: milestoneMessages.createdAt,
      })
      .from(milestoneMessages)
      .leftJoin(users, eq(users.id, milestoneMessages.authorId))
      .where(eq(milestoneMessages.learnerId, learnerId))
      .orderBy(asc(milestoneMessages.createdAt), asc(milestoneMessages.id)),
    db
      .select({
        milestoneId: milestoneReviews.milestoneId,
        reviewerName: users.name,
        reviewerEmail: users.email,
        reviewedAt: milestoneReviews.reviewedAt,
      })
      .from(milestoneReviews)
      .leftJoin(users, eq(users.id, milestoneReviews.reviewerId))
      .where(eq(milestoneReviews.learnerId, learnerId)),
  ]);

  const threads: MilestoneFeedback["threads"] = {};
  for (const row of messageRows) {
    (threads[row.milestoneId] ??= []).push({
      id: row.id,
      authorName: row.authorName ?? row.authorEmail ?? "A former mentor",
      fromLearner: row.authorId === learnerId,
      body: row.body,
      createdAt: row.createdAt,
    });
  }
  const reviews: MilestoneFeedback["reviews"] = {};
  for (const row of reviewRows) {
    reviews[row.milestoneId] = {
      reviewerName: row.reviewerName ?? row.reviewerEmail ?? "A former mentor",
      reviewedAt: row.reviewedAt,
    };
  }
  return { threads, reviews };
}

/**
 * Adds to a milestone's thread: a current mentor gives feedback (the learner is told), the
 * learner replies to a thread a mentor started (their current mentors are told).
 */
export async function postMilestoneMessage({
  viewer,
  learnerId,
  milestoneId,
  body,
}: {
  viewer: Viewer;
  learnerId: string;
  milestoneId: string;
  body: string;
}): Promise<ThreadMessage> {
  const text = body.trim();
  if (!text) throw new AppError("INVALID_INPUT", "Write something first.", { body: ["Write something first."] });
  if (text.length > MESSAGE_MAX_LENGTH) {
    const message = `Keep it under ${MESSAGE_MAX_LENGTH} characters (this is ${text.length}).`;
    throw new AppError("INVALID_INPUT", message, { body: [message] });
  }
  const role = await requireLearnerAccess(viewer, learnerId);

  return getDb().transaction(async (tx) => {
    const [milestone] = await tx.select({ id: milestones.id }).from(milestones).where(eq(milestones.id, milestoneId));
    if (!milestone) throw notFound();
    if (role === "learner") {
      const [started] = await tx
        .select({ id: milestoneMessages.id })
        .from(milestoneMessages)
        .where(and(eq(milestoneMessages.learnerId, learnerId), eq(milestoneMessages.milestoneId, milestoneId)))
        .limit(1);
      if (!started) throw new AppError("CONFLICT", "You can reply once a mentor has left feedback here.");
    }
    const [created] = await tx
      .insert(milestoneMessages)
      .values({ learnerId, milestoneId, authorId: viewer.id, body: text })
      .returning({ id: milestoneMessages.id, createdAt: milestoneMessages.createdAt });
    const recipients = role === "mentor" ? [learnerId] : await currentMentorIds(tx, learnerId);
    await notify(
      tx,
      recipients.map((userId) => ({
        userId,
        kind: role === "mentor" ? "feedback" : "reply",
        actorId: viewer.id,
        learnerId,
        milestoneId,
      })),
    );
    return {
      id: created!.id,
      authorName: viewer.name ?? viewer.email,
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
  if ((await requireLearnerAccess(viewer, learnerId)) !== "mentor") throw notFound();
  await getDb().transaction(async (tx) => {
    if (!reviewed) {
      await tx
        .delete(milestoneReviews)
        .where(and(eq(milestoneReviews.learnerId, learnerId), eq(milestoneReviews.milestoneId, milestoneId)));
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
