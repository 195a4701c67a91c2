import "server-only";
import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "../../db/client";
import { milestoneEvidence } from "../../db/schema";
import { AppError } from "../domain/errors";
import { evidenceLinkSchema } from "../domain/evidence-link-schema";
import { EVIDENCE_MAX_PER_MILESTONE, tooManyEvidenceLinksMessage } from "../domain/evidence-rules";
import { lockLearner } from "./internal/learner-lock";
import { milestoneVisibleTo } from "./roadmap-access";
import type { Viewer } from "./viewer";

export type EvidenceView = { id: string; title: string; url: string; createdAt: Date };

function parseLink(input: { title: string; url: string }) {
  const parsed = evidenceLinkSchema.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    const first = fieldErrors.title?.[0] ?? fieldErrors.url?.[0] ?? "Check the link and try again.";
    throw new AppError("INVALID_INPUT", first, fieldErrors as Record<string, string[]>);
  }
  return parsed.data;
}

export async function addMilestoneEvidence({
  viewer,
  milestoneId,
  title,
  url,
}: {
  viewer: Viewer;
  milestoneId: string;
  title: string;
  url: string;
}): Promise<EvidenceView> {
  const link = parseLink({ title, url });
  return getDb().transaction(async (tx) => {
    // Serialises this learner's adds so two tabs cannot both take the twentieth place.
    await lockLearner(tx, viewer.id);
    if (!(await milestoneVisibleTo(tx, viewer.id, milestoneId))) {
      throw new AppError("NOT_FOUND", "That milestone no longer exists. Reload the page.");
    }
    const [{ total } = { total: 0 }] = await tx
      .select({ total: count() })
      .from(milestoneEvidence)
      .where(and(eq(milestoneEvidence.userId, viewer.id), eq(milestoneEvidence.milestoneId, milestoneId)));
    if (total >= EVIDENCE_MAX_PER_MILESTONE) throw new AppError("CONFLICT", tooManyEvidenceLinksMessage());
    const [created] = await tx
      .insert(milestoneEvidence)
      .values({ userId: viewer.id, milestoneId, ...link })
      .returning({
        id: milestoneEvidence.id,
        title: milestoneEvidence.title,
        url: milestoneEvidence.url,
        createdAt: milestoneEvidence.createdAt,
      });
    return created!;
  });
}

export async function removeMilestoneEvidence({
  viewer,
  evidenceId,
}: {
  viewer: Viewer;
  evidenceId: string;
}): Promise<{ id: string }> {
  const removed = await getDb()
    .delete(milestoneEvidence)
    .where(and(eq(milestoneEvidence.id, evidenceId), eq(milestoneEvidence.userId, viewer.id)))
    .returning({ id: milestoneEvidence.id });
  // Removing a link that is already gone (another tab) is the outcome the learner wanted.
  return { id: removed[0]?.id ?? evidenceId };
}
