"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/server/action";
import { requestPasswordReset, resetPassword } from "@/lib/data/password-reset";
import { limitPasswordResetRequest, takeRateLimits } from "@/lib/data/rate-limits";
import { emailField } from "@/lib/domain/email-address";
import { PASSWORD_RESET_LINK_PROBLEMS, PASSWORD_RESET_MINUTES } from "@/lib/domain/account-links";
import { AppError } from "@/lib/domain/errors";
import { RATE_LIMITS } from "@/lib/domain/rate-limit-rules";
import { wakeMailDelivery } from "@/lib/jobs/app-jobs";
import { assertPasswordHashingAvailable, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/server/passwords";
import { requestClientAddress } from "@/lib/server/request-client";
import { takingAtLeast } from "@/lib/server/uniform-duration";

/** Well above what looking an address up and queueing its mail takes, so both answers take this long. */
const REQUEST_ANSWER_MS = 400;

const RESET_LINK_SENT = `If an account uses that address, we've sent it a link to reset the password. It works for ${PASSWORD_RESET_MINUTES} minutes.`;

export const requestPasswordResetAction = publicAction(z.object({ email: emailField() }), async ({ email }) =>
  takingAtLeast(REQUEST_ANSWER_MS, async () => {
    const { mayMail } = await limitPasswordResetRequest({ ip: requestClientAddress(await headers()), email });
    if (mayMail) await requestPasswordReset({ email });
    // Woken either way: it costs the same whether or not a mail was queued.
    await wakeMailDelivery();
    return { message: RESET_LINK_SENT };
  }),
);

const resetPasswordSchema = z.object({
  token: z.string().max(200, "This reset link is not valid."),
  newPassword: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
    .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
});

export const resetPasswordAction = publicAction(resetPasswordSchema, async ({ token, newPassword }) => {
  assertPasswordHashingAvailable();
  await takeRateLimits([{ rule: RATE_LIMITS.passwordResetPerIp, subject: requestClientAddress(await headers()) }]);
  const result = await resetPassword({ token, newPassword });
  if (!result.ok) {
    if (result.problem === "weak") {
      throw new AppError("INVALID_INPUT", result.message, { newPassword: [result.message] });
    }
    const { title, detail } = PASSWORD_RESET_LINK_PROBLEMS[result.problem];
    throw new AppError("CONFLICT", `${title}. ${detail}`);
  }
  // Every session ended, this browser's too if it had one: the person signs in with the new password.
  redirect("/sign-in?password=reset");
});
