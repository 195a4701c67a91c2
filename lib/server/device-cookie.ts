import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/*
 * OWASP's device cookies: a browser that has signed in to an account before carries proof of
 * it, so a flood of guesses at that account from elsewhere never keeps its owner out. Each
 * entry is a random nonce and a MAC binding it, under the server's secret, to the account as
 * it stands (its email and current password hash, from the caller): the cookie names no
 * account, nobody can make one for an account they have not signed in to, and a new
 * password distrusts every browser that knew the old one.
 */
export const DEVICE_COOKIE_NAME = "waymark-device";
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
/** Accounts remembered per browser; the one signed in to last comes first. */
const MAX_ACCOUNTS_PER_DEVICE = 5;
const ENTRY = /^([\w-]{22})\.([\w-]{43})$/;

function macOf(secret: string, account: string, nonce: string): string {
  return createHmac("sha256", secret).update(`waymark-device\u0000${account}\u0000${nonce}`).digest("base64url");
}

function sameMac(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function entriesOf(cookie: string | undefined): string[] {
  return (cookie ?? "").split("~").slice(0, MAX_ACCOUNTS_PER_DEVICE);
}

/** This browser's id for the account when it has signed in to it (as it stands) before, else null. */
export function trustedDeviceId(cookie: string | undefined, account: string, secret: string): string | null {
  for (const entry of entriesOf(cookie)) {
    const match = ENTRY.exec(entry);
    if (match && sameMac(match[2]!, macOf(secret, account, match[1]!))) return match[1]!;
  }
  return null;
}

/** The cookie after a sign-in to the account: a new entry for it first, the others kept. */
export function rememberDevice(cookie: string | undefined, account: string, secret: string): string {
  const others = entriesOf(cookie).filter((entry) => {
    const match = ENTRY.exec(entry);
    return match !== null && !sameMac(match[2]!, macOf(secret, account, match[1]!));
  });
  const nonce = randomBytes(16).toString("base64url");
  return [`${nonce}.${macOf(secret, account, nonce)}`, ...others].slice(0, MAX_ACCOUNTS_PER_DEVICE).join("~");
}
