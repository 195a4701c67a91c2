"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/server/action";
import { getSession, signIn, signOut } from "@/lib/server/auth";
import { changePassword, deleteAccount } from "@/lib/data/account";
import { limitAccountAction } from "@/lib/data/rate-limits";
import { endOtherSessions, endSessionForViewer } from "@/lib/data/sessions";
import { AppError } from "@/lib/domain/errors";
import { PASSWORD_MAX_LENGTH } from "@/lib/server/passwords";
import { RATE_LIMITS } from "@/lib/domain/rate-limit-rules";

// Bounds only, so nobody can make the server hash a megabyte; the real rules are passwordProblem's.
const password = z.string().max(1024, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

const changePasswordSchema = z
  .object({
    currentPassword: z.string().max(1024, "That isn't your current password.").optional(),
    newPassword: password.min(1, "Enter a new password."),
    confirmPassword: password,
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    error: "This doesn't match the new password. Type it again.",
  });

export const changePasswordAction = action(changePasswordSchema, async (input, viewer) => {
  await limitAccountAction(RATE_LIMITS.passwordCheckPerAccount, viewer.id);
  const result = await changePassword({
    viewer,
    currentPassword: input.currentPassword,
    newPassword: input.newPassword,
  });
  // The change ended every session, this one too: signing in again gives this browser a
  // cookie for a new session, and only this browser. The redirect matters: Next
  // renders its target with the new cookie, while a plain re-render would still see the old one.
  await signIn("credentials", { email: viewer.email, password: input.newPassword, redirect: false });
  redirect(`/account?password=${result.replaced ? "changed" : "set"}&at=${Date.now()}`);
});

const deleteAccountSchema = z.object({
  password: z.string().max(1024, "That isn't your password.").optional(),
  email: z.string().trim().max(254, "That isn't your account's email address.").optional(),
  confirm: z.literal("on", { error: "Tick the box to confirm that everything should go." }),
});

export const deleteAccountAction = action(deleteAccountSchema, async (input, viewer) => {
  await limitAccountAction(RATE_LIMITS.passwordCheckPerAccount, viewer.id);
  await deleteAccount({ viewer, password: input.password, email: input.email });
  await signOut({ redirectTo: "/?account=deleted" });
});

export const endSessionAction = action(
  z.object({ sessionId: z.string().min(1).max(100) }),
  async ({ sessionId }, viewer) => {
    await endSessionForViewer({ viewer, sessionId });
    revalidatePath("/account");
  },
);

export const endOtherSessionsAction = action(z.object({}), async (_input, viewer) => {
  // The session that action() just found; gone only if it ended in between.
  const session = await getSession();
  if (!session) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  await endOtherSessions({ viewer, currentSessionId: session.sessionId });
  revalidatePath("/account");
});
