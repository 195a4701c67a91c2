"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { z } from "zod";
import { publicAction } from "@/lib/server/action";
import { getSession, getViewer, signIn, signOut } from "@/lib/server/auth";
import { limitSignInAttempt, takeRateLimits } from "@/lib/data/rate-limits";
import { endAllSessions, endSignedOutSession } from "@/lib/data/sessions";
import { createUserWithPassword } from "@/lib/data/users";
import { wakeMailDelivery } from "@/lib/jobs/app-jobs";
import { emailField } from "@/lib/domain/email-address";
import { AppError } from "@/lib/domain/errors";
import { assertPasswordHashingAvailable, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/server/passwords";
import { RATE_LIMITS } from "@/lib/domain/rate-limit-rules";
import { requestClientAddress } from "@/lib/server/request-client";
import { safeNextPath } from "@/lib/domain/safe-next-path";
import { trustedSignInDevice } from "@/lib/server/sign-in-device";

const nextPath = z.string().optional().transform(safeNextPath);

const email = emailField();

const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  email,
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
    .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
  timeZone: z.string().max(64).optional(),
  next: nextPath,
});

const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password.").max(1024, "Email or password is incorrect."),
  next: nextPath,
});

async function signInWithPassword(input: { email: string; password: string; next: string }): Promise<never> {
  try {
    await signIn("credentials", { email: input.email, password: input.password, redirectTo: input.next });
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      throw new AppError("UNAUTHENTICATED", "Email or password is incorrect.");
    }
    throw error;
  }
  throw new Error("signIn returned without redirecting");
}

async function requestClientIp(): Promise<string> {
  return requestClientAddress(await headers());
}

// Busy first: an attempt turned away while the server is busy must not use up its allowance.
export const signUpAction = publicAction(signUpSchema, async (input) => {
  assertPasswordHashingAvailable();
  await takeRateLimits([{ rule: RATE_LIMITS.signUpPerIp, subject: await requestClientIp() }]);
  await createUserWithPassword(input);
  await wakeMailDelivery();
  return signInWithPassword(input);
});

export const signInAction = publicAction(signInSchema, async (input) => {
  assertPasswordHashingAvailable();
  await limitSignInAttempt({
    ip: await requestClientIp(),
    email: input.email,
    trustedDevice: await trustedSignInDevice(input.email),
  });
  return signInWithPassword(input);
});

/**
 * Ends this session on the server, then clears the cookie. Auth.js's sign-out event ends it too,
 * but Auth.js swallows a failure there and clears the cookie anyway, leaving any copy of it
 * valid: ending it first means a failure stops here, with the user still signed in.
 */
export async function signOutAction(): Promise<void> {
  const session = await getSession();
  if (session) await endSignedOutSession({ userId: session.viewer.id, sessionId: session.sessionId });
  await signOut({ redirectTo: "/" });
}

/** Ends every session of the caller, then this one; an anonymous caller is just signed out. */
export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await endAllSessions({ viewer });
  await signOut({ redirectTo: "/sign-in?signedOut=everywhere" });
}

const providerSchema = z.object({ provider: z.enum(["github", "google"]), next: nextPath });

// Not made with publicAction: a plain <form action> wants nothing back.
export async function signInWithProviderAction(input: unknown): Promise<void> {
  // A post may carry any arguments, not only the form's FormData.
  const parsed = providerSchema.safeParse(input instanceof FormData ? Object.fromEntries(input) : input);
  if (!parsed.success) return;
  await signIn(parsed.data.provider, { redirectTo: parsed.data.next });
}
