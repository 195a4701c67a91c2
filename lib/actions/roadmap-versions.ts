"use server";

import { z } from "zod";
import { action } from "@/lib/server/action";
import { markRoadmapVersionSeen } from "@/lib/data/roadmap-versions";

const roadmapSlug = z.string().min(1).max(200);

/** "Got it" on the roadmap page's notice of a new version. */
export const acknowledgeRoadmapVersionAction = action(z.object({ roadmapSlug }), ({ roadmapSlug }, viewer) =>
  markRoadmapVersionSeen({ viewer, slug: roadmapSlug }),
);
