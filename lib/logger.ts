import { headers } from "next/headers";
import pino, { type DestinationStream, type Logger } from "pino";

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

type ErrorLike = { name?: string; message?: string; code?: unknown; stack?: string; cause?: unknown };

/**
 * An error as a log line may show it. Drizzle's query errors put the query's parameters (a
 * note's text, a password hash) in their message: only the part before them is kept, and the
 * stack without its first line, which repeats the message.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error).split("\n")[0] };
  const { name, message = "", code, stack = "", cause } = error as ErrorLike;
  return {
    type: name,
    message: message.split(/\nparams:/)[0]!.slice(0, 500),
    ...(typeof code === "string" ? { code } : {}),
    ...(cause !== undefined ? { cause: serializeError(cause) } : {}),
    stack: stack
      .split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      .slice(0, 10)
      .join("\n"),
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
