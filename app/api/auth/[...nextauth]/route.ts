import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { clientIp } from "@/lib/client-ip";
import { isCredentialsCallbackPath, readCredentialsAttempt } from "@/lib/credentials-post";
import { limitSignInAttempt } from "@/lib/data/rate-limits";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { assertPasswordHashingAvailable } from "@/lib/passwords";
import { trustedSignInDevice } from "@/lib/sign-in-device";

export const { GET } = handlers;

/**
 * Password sign-ins posted straight to Auth.js are read once, strictly, counted like the
 * sign-in form's before Auth.js checks the password (an argon2 hash each), and handed to
 * Auth.js rebuilt from what was counted. Over the limit they get 429 and Retry-After.
 */
export async function POST(request: NextRequest) {
  if (!isCredentialsCallbackPath(new URL(request.url).pathname)) return handlers.POST(request);
  const attempt = await readCredentialsAttempt(request);
  try {
    if (!attempt.ok) throw new AppError("INVALID_INPUT", attempt.problem);
    await limitSignInAttempt({
      ip: clientIp(request.headers, getEnv().TRUST_PROXY),
      email: attempt.email,
      trustedDevice: await trustedSignInDevice(attempt.email),
    });
    assertPasswordHashingAvailable();
  } catch (error) {
    return await errorResponse(error);
  }
  return handlers.POST(attempt.request);
}
