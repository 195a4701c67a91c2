"use server";

import { z } from "zod";
import { confirmEmailWithToken } from "@/lib/data/email-verification";
import { accountLinkProblemMessage } from "@/lib/domain/account-links";
import { AppError } from "@/lib/domain/errors";
import { publicAction } from "@/lib/server/action";

/** Anyone holding the mailed link may confirm with it: it went to that address. */
export const confirmEmailAction = publicAction(z.object({ token: z.string().max(200) }), async ({ token }) => {
  const result = await confirmEmailWithToken({ token, now: new Date() });
  if (!result.ok) throw new AppError("INVALID_INPUT", accountLinkProblemMessage(result.problem));
  return { email: result.email };
});
