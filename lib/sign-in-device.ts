import "server-only";
import { cookies, headers } from "next/headers";
import { currentPasswordHash, normalizeEmail } from "./data/users";
import { DEVICE_COOKIE_MAX_AGE_SECONDS, DEVICE_COOKIE_NAME, rememberDevice, trustedDeviceId } from "./device-cookie";
import { getEnv, resolveAuthSecret } from "./env";

function deviceSecret(): string {
  return resolveAuthSecret(getEnv());
}

/** The account as a device cookie binds to it: a new password distrusts every browser. */
async function accountAsItStands(email: string): Promise<string | null> {
  const passwordHash = await currentPasswordHash(email);
  return passwordHash ? `${normalizeEmail(email)}\u0000${passwordHash}` : null;
}

/**
 * This browser's id for the account being signed in to, when it has signed in to it with
 * its current password before. Without a device cookie (every stranger's case) no query runs.
 */
export async function trustedSignInDevice(email: string): Promise<string | null> {
  const cookie = (await cookies()).get(DEVICE_COOKIE_NAME)?.value;
  if (!cookie) return null;
  const account = await accountAsItStands(email);
  return account ? trustedDeviceId(cookie, account, deviceSecret()) : null;
}

/** After a correct password: this browser is one the account has signed in on. */
export async function rememberSignInDevice(email: string): Promise<void> {
  const account = await accountAsItStands(email);
  if (!account) return;
  const jar = await cookies();
  const https = (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  jar.set(DEVICE_COOKIE_NAME, rememberDevice(jar.get(DEVICE_COOKIE_NAME)?.value, account, deviceSecret()), {
    httpOnly: true,
    sameSite: "lax",
    secure: https,
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}
