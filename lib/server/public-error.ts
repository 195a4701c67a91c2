import { CONNECTION_ERROR_CODES, hasCode, UNSTORABLE_TEXT_CODES } from "../../db/query-errors";
import { AppError, UNSTORABLE_TEXT_MESSAGE, type PublicError } from "../domain/errors";

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
