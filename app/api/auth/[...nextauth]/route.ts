import { NextRequest, NextResponse } from "next/server";
import { getSession, handlers } from "@/lib/server/auth";
import { isCredentialsCallbackPath, isSessionPath, readCredentialsAttempt } from "@/lib/server/credentials-post";
import { limitSignInAttempt } from "@/lib/data/rate-limits";
import { AppError } from "@/lib/domain/errors";
import { errorResponse } from "@/lib/server/http";
import { assertPasswordHashingAvailable } from "@/lib/server/passwords";
import { requestClientAddress } from "@/lib/server/request-client";
import { publicOriginOf } from "@/lib/server/request-headers";
import { trustedSignInDevice } from "@/lib/server/sign-in-device";

/**
 * Auth.js builds its redirects on the request's URL, which Next bases on the address the
 * server listens on (http://0.0.0.0:3000): rebased here on the one the browser used. With
 * AUTH_URL set, Auth.js replaces it with that, as before.
 */
function atPublicOrigin(request: NextRequest): NextRequest {
  const origin = publicOriginOf(request.headers);
  if (!origin) return request;
  return new NextRequest(new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, origin), request);
}

/**
 * Auth.js answers /session from the cookie alone: a session ended on the server (signed out,
 * another device signed out, a new password) would still show its user there. It answers
 * only for a session the database still holds.
 */
export async function GET(request: NextRequest) {
  if (isSessionPath(new URL(request.url).pathname) && !(await getSession())) {
    return NextResponse.json(null, { headers: { "Cache-Control": "no-store" } });
  }
  return handlers.GET(atPublicOrigin(request));
}

/**
 * Password sign-ins posted straight to Auth.js are read once, strictly, counted like the
 * sign-in form's before Auth.js checks the password (an argon2 hash each), and handed to
 * Auth.js rebuilt from what was counted. Over the limit they get 429 and Retry-After.
 */
export async function POST(received: NextRequest) {
  const request = atPublicOrigin(received);
  if (!isCredentialsCallbackPath(new URL(request.url).pathname)) return handlers.POST(request);
  const attempt = await readCredentialsAttempt(request);
  try {
    if (!attempt.ok) throw new AppError("INVALID_INPUT", attempt.problem);
    // Before counting: a sign-in turned away while the server is busy must not use up its allowance.
    assertPasswordHashingAvailable();
    await limitSignInAttempt({
      ip: requestClientAddress(request.headers),
      email: attempt.email,
      trustedDevice: await trustedSignInDevice(attempt.email),
    });
  } catch (error) {
    return await errorResponse(error);
  }
  return handlers.POST(attempt.request);
}
