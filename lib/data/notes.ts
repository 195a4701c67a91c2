import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { milestoneNotes } from "../../db/schema";
import { AppError } from "../domain/errors";
import { milestoneVisibleTo } from "./roadmap-access";
import type { Viewer } from "./viewer";

export const NOTE_MAX_LENGTH = 20_000;

export type NoteView = { body: string; version: number; updatedAt: Date };
export type SavedNote = { version: number; updatedAt: Date; replacedNewer: boolean };

/**
 * Saves the viewer's note. The last write wins, but the writer learns when it replaced a
 * version it had not seen (another tab or device saved in between), so it can say so.
 */
export async function saveMilestoneNote({
  viewer,
  milestoneId,
  body,
  baseVersion,
}: {
  viewer: Viewer;
  milestoneId: string;
  body: string;
  /** The version this text was written on; 0 for a new note. */
  baseVersion: number;
}): Promise<SavedNote> {
  if (body.length > NOTE_MAX_LENGTH) {
    const message = `Notes can be up to ${NOTE_MAX_LENGTH.toLocaleString("en-US")} characters; this one is ${body.length.toLocaleString("en-US")}.`;
    throw new AppError("INVALID_INPUT", message, { body: [message] });
  }
  return getDb().transaction(async (tx) => {
    if (!(await milestoneVisibleTo(tx, viewer.id, milestoneId))) {
      throw new AppError("NOT_FOUND", "That milestone no longer exists. Reload the page.");
    }
    const key = and(eq(milestoneNotes.userId, viewer.id), eq(milestoneNotes.milestoneId, milestoneId));
    const [current] = await tx
      .select({ version: milestoneNotes.version })
      .from(milestoneNotes)
      .where(key)
      .for("update");
    const now = new Date();
    if (!current) {
      const inserted = await tx
        .insert(milestoneNotes)
        .values({ userId: viewer.id, milestoneId, body, version: 1, updatedAt: now })
        .onConflictDoNothing()
        .returning({ version: milestoneNotes.version });
      // Another tab created it a moment ago: fall through to the update, which then wins.
      if (inserted.length > 0) return { version: 1, updatedAt: now, replacedNewer: false };
    }
    const [locked] = current
      ? [current]
      : await tx.select({ version: milestoneNotes.version }).from(milestoneNotes).where(key).for("update");
    const version = locked!.version + 1;
    await tx.update(milestoneNotes).set({ body, version, updatedAt: now }).where(key);
    return { version, updatedAt: now, replacedNewer: locked!.version !== baseVersion };
  });
}
