"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/server/action";
import {
  deleteMilestoneMessage,
  editMilestoneMessage,
  markFeedbackRead,
  MESSAGE_MAX_LENGTH,
  postMilestoneMessage,
  setMilestoneReviewed,
} from "@/lib/data/feedback";
import {
  acceptInvite,
  createInvite,
  declineInvite,
  DEFAULT_INVITE_DAYS,
  endMentorship,
  INVITE_LIFETIMES_DAYS,
  revokeInvite,
  setNotesSharing,
} from "@/lib/data/mentorships";
import { markNotificationsRead } from "@/lib/data/notifications";
import { wakeMailDelivery } from "@/lib/jobs/app-jobs";
import { limitAccountAction } from "@/lib/data/rate-limits";
import { RATE_LIMITS } from "@/lib/domain/rate-limit-rules";

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

const lifetime = z.coerce
  .number()
  .refine((days) => (INVITE_LIFETIMES_DAYS as readonly number[]).includes(days), "Choose 1, 7 or 30 days.")
  .default(DEFAULT_INVITE_DAYS);

export const createMenteeInviteAction = action(z.object({ days: lifetime }), async ({ days }, viewer) => {
  await limitAccountAction(RATE_LIMITS.inviteCreationPerAccount, viewer.id);
  const invite = await createInvite({ viewer, kind: "mentor_invites_learner", days });
  revalidatePath("/mentees");
  return invite;
});

export const createMentorInviteAction = action(z.object({ days: lifetime }), async ({ days }, viewer) => {
  await limitAccountAction(RATE_LIMITS.inviteCreationPerAccount, viewer.id);
  const invite = await createInvite({ viewer, kind: "learner_invites_mentor", days });
  revalidatePath("/mentors");
  return invite;
});

export const revokeInviteAction = action(z.object({ inviteId: z.uuid() }), async ({ inviteId }, viewer) => {
  await revokeInvite({ viewer, inviteId });
  revalidatePath("/mentees");
  revalidatePath("/mentors");
});

const inviteToken = z.object({ token: z.string().min(10).max(200) });

export const acceptInviteAction = action(inviteToken, ({ token }, viewer) => acceptInvite({ viewer, token }));

// No revalidation: that would redraw the invite page as declined before it says what declining did.
export const declineInviteAction = action(inviteToken, async ({ token }, viewer) => {
  await declineInvite({ viewer, token });
});

export const endMentorshipAction = action(z.object({ mentorshipId: z.uuid() }), async ({ mentorshipId }, viewer) => {
  await endMentorship({ viewer, mentorshipId });
  await wakeMailDelivery();
  revalidatePath("/mentees");
  revalidatePath("/mentors");
});

const messageBody = z
  .string()
  .trim()
  .min(1, "Write something first.")
  .max(MESSAGE_MAX_LENGTH, `Keep it under ${MESSAGE_MAX_LENGTH} characters.`);

export const postMilestoneMessageAction = action(
  z.object({
    learnerId: z.string().min(1).max(100),
    milestoneId: z.uuid(),
    mentorId: z.string().min(1).max(100).optional(),
    body: messageBody,
  }),
  async (input, viewer) => {
    const message = await postMilestoneMessage({ viewer, ...input });
    await wakeMailDelivery();
    return message;
  },
);

export const editMilestoneMessageAction = action(
  z.object({ messageId: z.uuid(), body: messageBody }),
  (input, viewer) => editMilestoneMessage({ viewer, ...input }),
);

export const deleteMilestoneMessageAction = action(z.object({ messageId: z.uuid() }), ({ messageId }, viewer) =>
  deleteMilestoneMessage({ viewer, messageId }),
);

// Only the viewer's own notices change: opening a thread from a link has read what they announced.
export const markFeedbackReadAction = action(
  z.object({ learnerId: z.string().min(1).max(100), milestoneId: z.uuid() }),
  (input, viewer) => markFeedbackRead({ viewer, ...input }),
);

export const setMilestoneReviewedAction = action(
  z.object({ learnerId: z.string().min(1).max(100), milestoneId: z.uuid(), reviewed: checkbox }),
  async (input, viewer) => {
    await setMilestoneReviewed({ viewer, ...input });
    await wakeMailDelivery();
  },
);

// No revalidation: the open page keeps its "New" marks for this visit; the header clears itself.
export const markNotificationsReadAction = action(
  z.object({ ids: z.array(z.uuid()).max(100) }),
  async ({ ids }, viewer) => {
    await markNotificationsRead({ viewer, ids });
  },
);

export const setNotesSharingAction = action(
  z.object({ mentorshipId: z.uuid(), shareNotes: checkbox }),
  async ({ mentorshipId, shareNotes }, viewer) => {
    await setNotesSharing({ viewer, mentorshipId, shareNotes });
    revalidatePath("/mentors");
  },
);
