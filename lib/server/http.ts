import "server-only";
import { NextResponse } from "next/server";
import { CONNECTION_ERROR_CODES, hasCode } from "../../db/query-errors";
import { HTTP_STATUS } from "../domain/errors";
import { toPublicError } from "./public-error";
import { requestLogger } from "./logger";

/** The JSON answer for a failure, with the status its error code maps to; unexpected ones are logged. */
export async function errorResponse(error: unknown): Promise<NextResponse> {
  const body = toPublicError(error);
  if (body.code === "INTERNAL" || body.code === "UNAVAILABLE") {
    (await requestLogger()).error({ err: error, code: body.code }, "route failed");
  }
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (body.retryAfterSeconds !== undefined) headers["Retry-After"] = String(body.retryAfterSeconds);
  return NextResponse.json(body, { status: HTTP_STATUS[body.code], headers });
}

/*
 * After the database restarts, each pooled connection learns that its socket is dead only when
 * it is next used: one read per stale connection failed with 503 although the database was back.
 * A read is safe to run again, so one that loses its connection is tried once more on another.
 */
export const READ_RETRY_DELAY_MS = 250;

/**
 * Wraps a read-only route handler (a GET): every failure answers with the status its error code
 * maps to, and one that lost its database connection is tried once more first.
 */
export function jsonReadRoute<A extends unknown[]>(handler: (...args: A) => Promise<unknown>) {
  const read = async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!hasCode(error, CONNECTION_ERROR_CODES)) throw error;
      await new Promise((resolve) => setTimeout(resolve, READ_RETRY_DELAY_MS));
      return await handler(...args);
    }
  };
  return async (...args: A): Promise<NextResponse> => {
    try {
      return NextResponse.json(await read(...args), { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return await errorResponse(error);
    }
  };
}
