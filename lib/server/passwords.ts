import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import pLimit from "p-limit";
import { AppError } from "../domain/errors";

export const PASSWORD_MIN_LENGTH = 8;
/** Long passphrases are welcome; the cap only keeps hashing cost bounded. */
export const PASSWORD_MAX_LENGTH = 256;
/** What the forms choosing a password say under the field. */
export const NEW_PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A long passphrase works well.`;

/** OWASP's minimum for argon2id (the library's default algorithm): 19 MiB of memory, 2 iterations, 1 lane. */
export const ARGON2_OPTIONS = {
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

let commonPasswords: Set<string> | undefined;

function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary["passwords-common"] as string[]);
  return commonPasswords.has(password.toLowerCase());
}

/** Why a password is refused, in words for the person choosing it; null when it is fine. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (isCommonPassword(password)) return "That password is too common and easy to guess. Choose another.";
  if (context.email && password.toLowerCase() === context.email.toLowerCase()) {
    return "Don't use your email address as your password.";
  }
  return null;
}

/*
 * Each hash takes 19 MiB and one of libuv's four threads, which file reads, compression and
 * DNS share. A flood of sign-ins from many addresses would otherwise take all four and
 * starve every other request; at most two hash at once, and a long queue is refused.
 */
const HASHING_CONCURRENCY = 2;
const HASHING_QUEUE_LIMIT = 32;
const hashing = pLimit(HASHING_CONCURRENCY);

/** Refuses new password work while the queue is long: waiting minutes would help nobody. */
export function assertPasswordHashingAvailable(): void {
  if (hashing.pendingCount >= HASHING_QUEUE_LIMIT) {
    throw new AppError("UNAVAILABLE", "Signing in is busy right now. Try again in a few seconds.", undefined, 5);
  }
}

export function hashPassword(password: string): Promise<string> {
  return hashing(() => hash(password, ARGON2_OPTIONS));
}

export function verifyPassword(stored: string, password: string): Promise<boolean> {
  return hashing(() => verify(stored, password)).catch(() => false);
}

let decoyHash: Promise<string> | undefined;

/** Verifies against a throwaway hash so an unknown email takes as long as a wrong password. */
export function spendVerifyTime(password: string): Promise<boolean> {
  decoyHash ??= hashPassword(crypto.randomUUID());
  return decoyHash.then((hash) => verifyPassword(hash, password)).then(() => false);
}
