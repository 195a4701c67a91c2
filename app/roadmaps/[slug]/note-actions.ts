"use server";

import { z } from "zod";
import { action } from "@/lib/actions";
import { NOTE_MAX_LENGTH, saveMilestoneNote } from "@/lib/data/notes";

export const saveMilestoneNoteAction = action(
  z.object({
    milestoneId: z.uuid(),
    body: z.string().max(NOTE_MAX_LENGTH, `Notes can be up to ${NOTE_MAX_LENGTH.toLocaleString("en-US")} characters.`),
    baseVersion: z.number().int().min(0),
  }),
  (input, viewer) => saveMilestoneNote({ viewer, ...input }),
);
