export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "INVALID_INPUT",
  "CONFLICT",
  "RATE_LIMITED",
  "UNAVAILABLE",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type FieldErrors = Record<string, string[]>;

/** The one error type the domain throws; its message is safe to show to the user. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    /** For RATE_LIMITED: how long to wait, sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export type PublicError = { code: ErrorCode; error: string; fieldErrors?: FieldErrors; retryAfterSeconds?: number };

// Node's socket errors, postgres.js's own, and Postgres's shutdown and connection classes (57P0x, 08xxx).
const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  "CONNECT_TIMEOUT",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

/** Postgres refusing a character it cannot store (U+0000 in text): the input's fault, not the server's. */
const UNSTORABLE_TEXT_CODES = new Set(["22021", "22P05"]);

export const UNSTORABLE_TEXT_MESSAGE =
  "This contains an invisible control character (U+0000) that can't be saved. Remove it and try again.";

/** Whether the error, or any error it was caused by, carries one of these driver or Postgres codes. */
export function hasCode(error: unknown, codes: ReadonlySet<string>): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && codes.has(code)) return true;
  }
  return false;
}

/** Maps any thrown value to what a client may see; internals are never returned (callers log INTERNAL ones). */
export function toPublicError(error: unknown): PublicError {
  if (error instanceof AppError) {
    return {
      code: error.code,
      error: error.message,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  if (hasCode(error, UNSTORABLE_TEXT_CODES)) return { code: "INVALID_INPUT", error: UNSTORABLE_TEXT_MESSAGE };
  if (hasCode(error, CONNECTION_ERROR_CODES)) {
    return { code: "UNAVAILABLE", error: "Can't reach the database right now. Please try again in a moment." };
  }
  return { code: "INTERNAL", error: "Something went wrong on our side. Please try again." };
}
