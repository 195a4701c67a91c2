import { cookies, headers } from "next/headers";
import { normalizeEmail } from "./data/users";
import { DEVICE_COOKIE_MAX_AGE_SECONDS, DEVICE_COOKIE_NAME, rememberDevice, trustedDeviceId } from "./device-cookie";
import { getEnv, resolveAuthSecret } from "./env";

function deviceSecret(): string {
  return resolveAuthSecret(getEnv());
}

/** This browser's id for the account being signed in to, when it has signed in to it before. */
export async function trustedSignInDevice(email: string): Promise<string | null> {
  const cookie = (await cookies()).get(DEVICE_COOKIE_NAME)?.value;
  return trustedDeviceId(cookie, normalizeEmail(email), deviceSecret());
}

/** After a correct password: this browser is one the account has signed in on. */
export async function rememberSignInDevice(email: string): Promise<void> {
  const jar = await cookies();
  const https = (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  jar.set(
    DEVICE_COOKIE_NAME,
    rememberDevice(jar.get(DEVICE_COOKIE_NAME)?.value, normalizeEmail(email), deviceSecret()),
    {
      httpOnly: true,
      sameSite: "lax",
      secure: https,
      path: "/",
      maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
    },
  );
}
