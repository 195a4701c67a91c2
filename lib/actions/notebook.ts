"use server";

import { z } from "zod";
import { action } from "@/lib/server/action";
import { addMilestoneEvidence, removeMilestoneEvidence } from "@/lib/data/evidence";
import { NOTE_MAX_LENGTH, saveMilestoneNote } from "@/lib/data/notes";

export const saveMilestoneNoteAction = action(
  z.object({
    milestoneId: z.uuid(),
    body: z.string().max(NOTE_MAX_LENGTH, `Notes can be up to ${NOTE_MAX_LENGTH.toLocaleString("en-US")} characters.`),
    baseVersion: z.number().int().min(0),
  }),
  (input, viewer) => saveMilestoneNote({ viewer, ...input }),
);

export const addMilestoneEvidenceAction = action(
  z.object({ milestoneId: z.uuid(), title: z.string().max(10_000), url: z.string().max(10_000) }),
  async (input, viewer) => {
    const { id, title, url } = await addMilestoneEvidence({ viewer, ...input });
    return { id, title, url };
  },
);

export const removeMilestoneEvidenceAction = action(z.object({ evidenceId: z.uuid() }), (input, viewer) =>
  removeMilestoneEvidence({ viewer, ...input }),
);
