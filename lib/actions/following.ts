"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/server/action";
import { followRoadmapForViewer, unfollowRoadmapForViewer } from "@/lib/data/following";

const followSchema = z.object({ roadmapSlug: z.string().min(1).max(80) });

function revalidateFollowing(roadmapSlug: string) {
  revalidatePath("/roadmaps");
  revalidatePath(`/roadmaps/${roadmapSlug}`);
  revalidatePath("/dashboard");
}

export const followRoadmapAction = action(followSchema, async ({ roadmapSlug }, viewer) => {
  const result = await followRoadmapForViewer({ viewer, roadmapSlug });
  revalidateFollowing(result.roadmapSlug);
  return result;
});

export const unfollowRoadmapAction = action(followSchema, async ({ roadmapSlug }, viewer) => {
  const result = await unfollowRoadmapForViewer({ viewer, roadmapSlug });
  revalidateFollowing(result.roadmapSlug);
  return result;
});
