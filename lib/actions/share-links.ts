"use server";

import { z } from "zod";
import { action } from "@/lib/server/action";
import { publishShareLink, revokeShareLink } from "@/lib/data/share-links";

const roadmapSlug = z.string().min(1).max(200);

export const publishShareLinkAction = action(z.object({ roadmapSlug, includeEvidence: z.boolean() }), (input, viewer) =>
  publishShareLink({ viewer, ...input }),
);

export const revokeShareLinkAction = action(z.object({ roadmapSlug }), (input, viewer) =>
  revokeShareLink({ viewer, ...input }),
);
