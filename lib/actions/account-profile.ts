"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeName } from "@/lib/data/account-profile";
import { cancelEmailChange, requestEmailChange, resendEmailChange } from "@/lib/data/email-verification";
import { limitAccountAction } from "@/lib/data/rate-limits";
import { wakeMailDelivery } from "@/lib/jobs/app-jobs";
import { emailField } from "@/lib/domain/email-address";
import { RATE_LIMITS } from "@/lib/domain/rate-limit-rules";
import { action } from "@/lib/server/action";

const changeNameSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
});

export const changeNameAction = action(changeNameSchema, async (input, viewer) => {
  const result = await changeName({ viewer, name: input.name });
  // The header names the signed-in person on every page.
  revalidatePath("/", "layout");
  return result;
});

const changeEmailSchema = z.object({
  newEmail: emailField("Enter your new email address."),
  emailPassword: z.string().max(1024, "That isn't your password.").optional(),
});

export const changeEmailAction = action(changeEmailSchema, async (input, viewer) => {
  await limitAccountAction(RATE_LIMITS.passwordCheckPerAccount, viewer.id);
  const result = await requestEmailChange({ viewer, newEmail: input.newEmail, password: input.emailPassword });
  await wakeMailDelivery();
  revalidatePath("/account");
  return result;
});

export const resendEmailChangeAction = action(z.object({}), async (_input, viewer) => {
  const result = await resendEmailChange({ viewer });
  await wakeMailDelivery();
  return result;
});

export const cancelEmailChangeAction = action(z.object({}), async (_input, viewer) => {
  await cancelEmailChange({ viewer });
  revalidatePath("/account");
});
