import "server-only";
import { headers } from "next/headers";
import pino, { type DestinationStream, type Logger } from "pino";
import { CAUSE_DEPTH, messageWithoutParameters, stackFrames } from "../../db/query-errors";

/**
 * Keys never written, whatever they hold: passwords, tokens, cookies and the text of notes
 * and messages. Log ids, codes and timings; not what people typed.
 */
export const REDACTED_KEYS = [
  "password",
  "currentPassword",
  "newPassword",
  "confirmPassword",
  "token",
  "sessionToken",
  "csrfToken",
  "cookie",
  "authorization",
  "body",
  "note",
];

/** An error as a log line may show it: name, code, stack frames, and a message without a failed query's parameters. */
export function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) {
    return { message: typeof error === "string" ? error.split("\n")[0]!.slice(0, 500) : `a thrown ${typeof error}` };
  }
  const { name, code, cause } = error as Error & { code?: unknown };
  return {
    type: name,
    message: messageWithoutParameters(error),
    ...(typeof code === "string" ? { code } : {}),
    ...(cause !== undefined && depth < CAUSE_DEPTH ? { cause: serializeError(cause, depth + 1) } : {}),
    stack: stackFrames(error),
  };
}

/** JSON lines, written synchronously so the last ones survive a crash. */
export function createLogger(destination: DestinationStream = pino.destination({ sync: true })): Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? "info",
      base: { service: "waymark" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
        censor: "[redacted]",
      },
      serializers: { err: serializeError },
    },
    destination,
  );
}

export const logger = createLogger();

/** The logger for the request being served, tagged with the id proxy.ts gave it. */
export async function requestLogger(): Promise<Logger> {
  try {
    const request = await headers();
    return logger.child({
      requestId: request.get("x-request-id") ?? undefined,
      action: request.get("next-action") ?? undefined,
    });
  } catch {
    // Outside a request (start-up, scripts): no id to give.
    return logger;
  }
}
