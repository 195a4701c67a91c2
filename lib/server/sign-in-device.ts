import "server-only";
import { cookies, headers } from "next/headers";
import { currentPasswordHash, normalizeEmail } from "../data/users";
import { DEVICE_COOKIE_MAX_AGE_SECONDS, DEVICE_COOKIE_NAME, rememberDevice, trustedDeviceId } from "./device-cookie";
import { getEnv, resolveAuthSecret } from "./env";

function deviceSecret(): string {
  return resolveAuthSecret(getEnv());
}

/**
 * Over HTTPS the cookie carries the __Host- prefix: the browser then keeps it only as this
 * host set it (secure, for every path, no Domain), so a sibling subdomain can neither plant
 * nor overwrite one to take an owner's trusted status away.
 */
async function deviceCookie(): Promise<{ name: string; secure: boolean }> {
  const secure = (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  return { name: secure ? `__Host-${DEVICE_COOKIE_NAME}` : DEVICE_COOKIE_NAME, secure };
}

/** The account as a device cookie binds to it: its email and current hash, so a new password distrusts every browser. */
function accountAsItStands(email: string, passwordHash: string): string {
  return `${normalizeEmail(email)}\u0000${passwordHash}`;
}

/**
 * This browser's id for the account being signed in to, when it has signed in to it with
 * its current password before. Without a device cookie (every stranger's case) no query runs.
 */
export async function trustedSignInDevice(email: string): Promise<string | null> {
  const cookie = (await cookies()).get((await deviceCookie()).name)?.value;
  if (!cookie) return null;
  const passwordHash = await currentPasswordHash(email);
  return passwordHash ? trustedDeviceId(cookie, accountAsItStands(email, passwordHash), deviceSecret()) : null;
}

/** After a correct password: this browser is one the account has signed in on. */
export async function rememberSignInDevice(email: string): Promise<void> {
  const passwordHash = await currentPasswordHash(email);
  if (!passwordHash) return;
  const jar = await cookies();
  const { name, secure } = await deviceCookie();
  jar.set(name, rememberDevice(jar.get(name)?.value, accountAsItStands(email, passwordHash), deviceSecret()), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}
