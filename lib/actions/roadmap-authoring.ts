"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/server/action";
import {
  copyRoadmap,
  createRoadmap,
  deleteRoadmap,
  importRoadmapFile,
  publishRoadmap,
  ROADMAP_VISIBILITIES,
  saveRoadmapDraft,
  setRoadmapVisibility,
} from "@/lib/data/roadmap-authoring";
import { AppError } from "@/lib/domain/errors";
import { ROADMAP_FILE_MAX_BYTES } from "@/lib/domain/roadmap-file";

const roadmapId = z.uuid();
const revision = z.number().int().min(0);

/** From the "Create roadmap" form: the new roadmap opens in its editor. */
export const createRoadmapAction = action(z.object({ title: z.string().max(10_000) }), async (input, viewer) => {
  const { slug } = await createRoadmap({ viewer, title: input.title });
  redirect(`/roadmaps/${slug}/edit`);
});

const CHOOSE_ROADMAP_FILE = "Choose a roadmap file (.yaml or .json) to import.";

/** A roadmap file becomes a new private roadmap, whole, or every problem in it is reported. */
export const importRoadmapFileAction = action(
  // A form with no file chosen still sends the field: an empty File without a name.
  z.object({ file: z.union([z.instanceof(File), z.string()], { error: CHOOSE_ROADMAP_FILE }) }),
  async ({ file }, viewer) => {
    const fileName = typeof file === "string" ? "roadmap.yaml" : file.name;
    const size = typeof file === "string" ? Buffer.byteLength(file) : file.size;
    if (size === 0) throw new AppError("INVALID_INPUT", CHOOSE_ROADMAP_FILE, { file: [CHOOSE_ROADMAP_FILE] });
    if (size > ROADMAP_FILE_MAX_BYTES) {
      const message = `That file is over ${ROADMAP_FILE_MAX_BYTES / 1024 / 1024} MB, the most a roadmap file may be.`;
      throw new AppError("INVALID_INPUT", message, { file: [message] });
    }
    const imported = await importRoadmapFile({
      viewer,
      fileName,
      text: typeof file === "string" ? file : await file.text(),
    });
    if (imported.ok) redirect(`/roadmaps/${imported.slug}/edit`);
    return { fileName, problems: imported.problems };
  },
);

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
