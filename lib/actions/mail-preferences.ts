"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { saveMailPreferences, unsubscribe } from "@/lib/data/mail-preferences";
import { AppError } from "@/lib/domain/errors";
import type { MailTopic } from "@/lib/domain/mail-preferences";
import { action, publicAction } from "@/lib/server/action";
import { appUnsubscribeKey, verifyUnsubscribeToken } from "@/lib/server/unsubscribe-token";

const CHOOSE = "Choose one of the options shown.";
const notice = z.enum(["immediate", "daily", "off"], { error: CHOOSE }).optional();
const reminder = z.enum(["weekly", "off"], { error: CHOOSE }).optional();

// Each topic offers the deliveries lib/domain/mail-preferences.ts allows it; a topic left out keeps its setting.
const preferencesSchema = z.object({
  feedback: notice,
  reply: notice,
  reviewed: notice,
  stage_completed: notice,
  mentorship_ended: notice,
  behind_pace: reminder,
  mentor_digest: reminder,
} satisfies Record<MailTopic, typeof notice | typeof reminder>);

export const saveMailPreferencesAction = action(preferencesSchema, async (preferences, viewer) => {
  const saved = await saveMailPreferences({ viewer, preferences });
  revalidatePath("/account");
  return saved;
});

/** The button on the page a mail's unsubscribe link opens: the signed link is the proof, no session needed. */
export const unsubscribeAction = publicAction(z.object({ token: z.string().max(300) }), async ({ token }) => {
  const signed = verifyUnsubscribeToken(appUnsubscribeKey(), token);
  if (!signed || !(await unsubscribe({ userId: signed.userId, scope: signed.topic }))) {
    throw new AppError(
      "INVALID_INPUT",
      "This unsubscribe link isn't valid. It may have been cut short when it was copied.",
    );
  }
  return { scope: signed.topic };
});
