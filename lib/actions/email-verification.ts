"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { confirmEmailWithToken, resendVerificationMail } from "@/lib/data/email-verification";
import { wakeMailDelivery } from "@/lib/jobs/app-jobs";
import { accountLinkProblemMessage, EMAIL_TAKEN_MESSAGE } from "@/lib/domain/account-links";
import { AppError } from "@/lib/domain/errors";
import { action, publicAction } from "@/lib/server/action";

/** Anyone holding the mailed link may confirm with it: it went to that address. */
export const confirmEmailAction = publicAction(z.object({ token: z.string().max(200) }), async ({ token }) => {
  const result = await confirmEmailWithToken({ token, now: new Date() });
  if (!result.ok) {
    const message = result.problem === "taken" ? EMAIL_TAKEN_MESSAGE : accountLinkProblemMessage(result.problem);
    throw new AppError("INVALID_INPUT", message);
  }
  // A change of address tells the old one.
  await wakeMailDelivery();
  // The banner and the header's name for the account are in the layout of every page.
  revalidatePath("/", "layout");
  return { email: result.email };
});

/** The banner's "Resend the link": a new mail to the signed-in person's own address, a few an hour at most. */
export const resendVerificationMailAction = action(z.object({}), async (_input, viewer) => {
  const result = await resendVerificationMail({ viewer });
  if (result.sent) await wakeMailDelivery();
  return result;
});
