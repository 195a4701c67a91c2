import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { clientIp } from "@/lib/client-ip";
import { limitSignInAttempt } from "@/lib/data/rate-limits";
import { errorResponse } from "@/lib/http";

export const { GET } = handlers;

/**
 * Password sign-ins posted straight to Auth.js are counted like the sign-in form's, before
 * Auth.js checks the password (an argon2 hash each): over the limit they get 429 and Retry-After.
 */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = form?.get("email");
    try {
      await limitSignInAttempt({ ip: clientIp(request.headers), email: typeof email === "string" ? email : "" });
    } catch (error) {
      return await errorResponse(error);
    }
  }
  return handlers.POST(request);
}
