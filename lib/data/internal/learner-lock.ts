import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "../../../db/client";
import { users } from "../../../db/schema";

/**
 * One change at a time per learner: a status change, an undo deciding which change is the
 * latest, an import and an evidence add never interleave (two tabs, two roadmaps).
 */
export async function lockLearner(tx: Transaction, learnerId: string): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, learnerId)).for("update");
}
