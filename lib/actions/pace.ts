"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/server/action";
import { isLocalDate } from "@/lib/domain/dates";
import { setPaceSettings } from "@/lib/data/insight";

const optionalDate = z
  .string()
  .trim()
  .refine((value) => value === "" || isLocalDate(value), "Enter a date like 2026-12-31.")
  .transform((value) => (value === "" ? null : value))
  .nullable()
  .default(null);

const paceSettingsSchema = z.object({
  roadmapSlug: z.string().min(1).max(80),
  plannedStart: optionalDate,
  targetDate: optionalDate,
  stageTargets: z.record(z.string().max(80), optionalDate).default({}),
  timeZone: z.string().min(1).max(64),
});

export const setPaceSettingsAction = action(paceSettingsSchema, async (settings, viewer) => {
  await setPaceSettings({ viewer, settings });
  revalidatePath("/dashboard");
});
