"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/server/action";
import { answerAssignment, assignRoadmap } from "@/lib/data/roadmap-assignments";

const slug = z.string().min(1, "Choose a roadmap.").max(200);

export const assignRoadmapAction = action(
  z.object({ mentorshipId: z.uuid(), roadmapSlug: slug }),
  async ({ mentorshipId, roadmapSlug }, viewer) => {
    const assigned = await assignRoadmap({ viewer, mentorshipId, roadmapSlug });
    revalidatePath(`/mentees/${mentorshipId}`);
    return assigned;
  },
);

export const answerAssignmentAction = action(
  z.object({ assignmentId: z.uuid(), accept: z.boolean() }),
  async ({ assignmentId, accept }, viewer) => {
    const answered = await answerAssignment({ viewer, assignmentId, accept });
    revalidatePath("/dashboard");
    return answered;
  },
);
