"use server";

import { z } from "zod";
import { action } from "@/lib/actions";
import { setMilestoneStatus } from "@/lib/data/progress";
import { MILESTONE_STATUSES } from "@/lib/progress";

const statusChangeSchema = z.object({
  milestoneId: z.uuid("That milestone does not exist."),
  status: z.enum(MILESTONE_STATUSES, "Choose one of: not started, in progress, done, skipped."),
});

export const setMilestoneStatusAction = action(statusChangeSchema, (input, viewer) =>
  setMilestoneStatus({ viewer, ...input }),
);
