import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { isUnsubscribeScope, type UnsubscribeScope } from "../domain/mail-preferences";
import { getEnv, resolveAuthSecret } from "./env";

/*
 * The token in a mail's unsubscribe link: who and what to turn off (a topic, or the daily digest), signed with HMAC-SHA256 under a
 * key derived from AUTH_SECRET. Stateless (no table), never expires: a mail read a year later
 * still unsubscribes. It can only turn those mails off for that one person, so a leaked
 * token does no more than the mail's own link would.
 */

const KEY_LABEL = "waymark unsubscribe link v1";

/** A key of its own, so that this signature can never be mistaken for a session's. */
export function unsubscribeKey(authSecret: string): Buffer {
  return createHmac("sha256", authSecret).update(KEY_LABEL).digest();
}

function signatureOf(key: Buffer, userId: string, topic: UnsubscribeScope): Buffer {
  return createHmac("sha256", key).update(`${userId}\n${topic}`).digest();
}

export function signUnsubscribeToken(key: Buffer, userId: string, topic: UnsubscribeScope): string {
  const who = Buffer.from(userId, "utf8").toString("base64url");
  return `${who}.${topic}.${signatureOf(key, userId, topic).toString("base64url")}`;
}

/** Who and which topic a token names, or null for anything not signed with this key. */
export function verifyUnsubscribeToken(
  key: Buffer,
  token: unknown,
): { userId: string; topic: UnsubscribeScope } | null {
  if (typeof token !== "string" || token.length > 300) return null;
  const [who, topic, signature, ...rest] = token.split(".");
  if (rest.length > 0 || !who || !signature || !isUnsubscribeScope(topic)) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(who) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return null;
  const userId = Buffer.from(who, "base64url").toString("utf8");
  const expected = signatureOf(key, userId, topic);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, topic };
}

let cachedKey: Buffer | undefined;

/** This deployment's key: every server derives the same one from the shared AUTH_SECRET. */
export function appUnsubscribeKey(): Buffer {
  cachedKey ??= unsubscribeKey(resolveAuthSecret(getEnv()));
  return cachedKey;
}
