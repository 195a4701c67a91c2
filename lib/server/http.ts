import "server-only";
import { NextResponse } from "next/server";
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

/** Wraps a route handler so every failure answers with the status its error code maps to. */
export function jsonRoute<A extends unknown[]>(handler: (...args: A) => Promise<unknown>) {
  return async (...args: A): Promise<NextResponse> => {
    try {
      return NextResponse.json(await handler(...args), { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return await errorResponse(error);
    }
  };
}
