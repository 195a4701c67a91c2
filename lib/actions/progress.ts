"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/server/action";
import { undoLastChange } from "@/lib/data/insight";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import { MILESTONE_STATUSES } from "@/lib/domain/progress-math";

const statusChangeSchema = z.object({
  milestoneId: z.uuid("That milestone does not exist."),
  status: z.enum(MILESTONE_STATUSES, "Choose one of: not started, in progress, done, skipped."),
});

export const setMilestoneStatusAction = action(statusChangeSchema, (input, viewer) =>
  setMilestoneStatus({ viewer, ...input }),
);

export const undoLastChangeAction = action(
  z.object({ eventId: z.coerce.number().int().positive() }),
  async ({ eventId }, viewer) => {
    const change = await undoLastChange({ viewer, eventId });
    revalidatePath("/dashboard");
    return change;
  },
);
