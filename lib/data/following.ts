import "server-only";
import { getDb } from "../../db/client";
import { AppError } from "../domain/errors";
import { lockLearner } from "./internal/learner-lock";
import { followRoadmap, unfollowRoadmap } from "./internal/progress-writes";
import { requireRoadmapAccess } from "./roadmap-access";
import type { Viewer } from "./viewer";

export type FollowResult = { roadmapSlug: string; following: boolean };

/**
 * The viewer follows the roadmap: it joins their dashboard, pace and exports. Following one
 * already followed changes nothing. (Changing a milestone's status follows its roadmap too.)
 */
export async function followRoadmapForViewer({
  viewer,
  roadmapSlug,
  now = new Date(),
}: {
  viewer: Viewer;
  roadmapSlug: string;
  now?: Date;
}): Promise<FollowResult> {
  const { roadmap } = await requireRoadmapAccess({ viewer, slug: roadmapSlug, permission: "follow" });
  // Only its author sees a roadmap never published, and it has no milestones to follow yet.
  if (roadmap.publishedVersion === 0) {
    throw new AppError("CONFLICT", "Publish this roadmap before following it: it has no published milestones yet.");
  }
  await getDb().transaction(async (tx) => {
    await lockLearner(tx, viewer.id);
    await followRoadmap(tx, { learnerId: viewer.id, roadmapId: roadmap.id, now });
  });
  return { roadmapSlug: roadmap.slug, following: true };
}

/**
 * The viewer stops following the roadmap: it leaves their dashboard and their mentors' tables.
 * Their progress, history, notes and evidence on it stay, and come back if they follow it again.
 */
export async function unfollowRoadmapForViewer({
  viewer,
  roadmapSlug,
}: {
  viewer: Viewer;
  roadmapSlug: string;
}): Promise<FollowResult> {
  const { roadmap } = await requireRoadmapAccess({ viewer, slug: roadmapSlug, permission: "follow" });
  await getDb().transaction(async (tx) => {
    await lockLearner(tx, viewer.id);
    await unfollowRoadmap(tx, { learnerId: viewer.id, roadmapId: roadmap.id });
  });
  return { roadmapSlug: roadmap.slug, following: false };
}
