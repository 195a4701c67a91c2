"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/server/action";
import {
  copyRoadmap,
  createRoadmap,
  deleteRoadmap,
  publishRoadmap,
  ROADMAP_VISIBILITIES,
  saveRoadmapDraft,
  setRoadmapVisibility,
} from "@/lib/data/roadmap-authoring";

const roadmapId = z.uuid();
const revision = z.number().int().min(0);

/** From the "Create roadmap" form: the new roadmap opens in its editor. */
export const createRoadmapAction = action(z.object({ title: z.string().max(10_000) }), async (input, viewer) => {
  const { slug } = await createRoadmap({ viewer, title: input.title });
  redirect(`/roadmaps/${slug}/edit`);
});

export const saveRoadmapDraftAction = action(
  // The draft is checked against the roadmap file format by the data layer, which names each problem's field.
  z.object({ roadmapId, baseRevision: revision, draft: z.unknown() }),
  (input, viewer) => saveRoadmapDraft({ viewer, ...input }),
);

export const setRoadmapVisibilityAction = action(
  z.object({ roadmapId, visibility: z.enum(ROADMAP_VISIBILITIES) }),
  (input, viewer) => setRoadmapVisibility({ viewer, ...input }),
);

export const publishRoadmapAction = action(z.object({ roadmapId, baseRevision: revision }), (input, viewer) =>
  publishRoadmap({ viewer, ...input }),
);

/** "Copy and edit": the copy opens in its editor. */
export const copyRoadmapAction = action(z.object({ slug: z.string().max(200) }), async (input, viewer) => {
  const { slug } = await copyRoadmap({ viewer, slug: input.slug });
  redirect(`/roadmaps/${slug}/edit`);
});

/** Only a roadmap never published; its author goes back to the dashboard. */
export const deleteRoadmapAction = action(z.object({ roadmapId }), async (input, viewer) => {
  await deleteRoadmap({ viewer, ...input });
  redirect("/dashboard");
});
