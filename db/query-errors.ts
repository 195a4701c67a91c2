/*
 * Where a failed query's parameters sit in its error: Drizzle's DrizzleQueryError ends its
 * message with "params: …" and keeps them in `params`; the driver's error it wraps (its
 * `cause`) keeps them in `params` (PGlite) or `parameters` and `args` (postgres.js); and
 * Postgres quotes the value it refused in its message (`invalid input syntax for type uuid:
 * "…"`) and its `detail` (`Key (email)=(…) already exists.`). Parameters hold what people
 * typed and whose row it is: no log may show them.
 */

type QueryError = Error & { code?: unknown };

/** Causes followed at most: a cause chain may loop. */
export const CAUSE_DEPTH = 5;

/** A Postgres error carries its SQLSTATE, five digits or capitals (22P02, 23505). */
const isDatabaseError = (error: QueryError) => typeof error.code === "string" && /^[0-9A-Z]{5}$/.test(error.code);

/** The message without parameters, and short. */
export function messageWithoutParameters(error: QueryError): string {
  const message = String(error.message).split("\nparams:")[0]!;
  // Postgres's style puts what it quotes in double quotes: the value refused, or a name. Neither is needed with the code.
  const cut = isDatabaseError(error) && message.includes('"') ? `${message.slice(0, message.indexOf('"'))}…` : message;
  return cut.slice(0, 500);
}

/** The stack's frames, without its header: the message as it was, parameters and all. */
export function stackFrames(error: QueryError): string {
  const stack = typeof error.stack === "string" ? error.stack : "";
  const message = String(error.message);
  const header = message ? stack.indexOf(message) : -1;
  return (header >= 0 ? stack.slice(header + message.length) : stack)
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .slice(0, 10)
    .join("\n");
}

/** What withoutQueryParameters leaves on an error: its name, message, code, stack and cause, and Next's digest. */
const KEPT_FIELDS = new Set(["name", "message", "stack", "code", "cause", "digest"]);

type RewrittenField = "message" | "stack" | "cause";

/** Whether a field can be given a new value: postgres.js fixes its errors' stack and copies. */
function rewritable(error: Error, key: RewrittenField): boolean {
  const field = Object.getOwnPropertyDescriptor(error, key);
  return !field || field.configurable === true || field.writable === true;
}

function rewrite(error: Error, key: RewrittenField, value: unknown): void {
  if (Object.getOwnPropertyDescriptor(error, key)?.configurable === false) {
    (error as unknown as Record<RewrittenField, unknown>)[key] = value;
  } else {
    Object.defineProperty(error, key, { value, writable: true, configurable: true });
  }
}

/**
 * A failed query's error without its parameters, and its causes likewise, whoever prints it
 * later: the same error, rewritten, or (when a field of it cannot be rewritten) a plain copy
 * with its name, code, message and frames, so that the code still maps to its answer.
 */
export function withoutQueryParameters(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > CAUSE_DEPTH) return error;
  const original = error as QueryError;
  const message = messageWithoutParameters(original);
  const stack = `${original.name}: ${message}\n${stackFrames(original)}`;
  const cause = withoutQueryParameters(original.cause, depth + 1);
  if (!(["message", "stack", "cause"] as const).every((key) => rewritable(original, key))) {
    const copy = new Error(message, cause === undefined ? undefined : { cause }) as QueryError;
    copy.name = original.name;
    copy.stack = stack;
    if (original.code !== undefined) copy.code = original.code;
    return copy;
  }
  for (const key of Object.getOwnPropertyNames(original)) {
    if (!KEPT_FIELDS.has(key)) Reflect.deleteProperty(original, key);
  }
  rewrite(original, "message", message);
  rewrite(original, "stack", stack);
  if (cause !== undefined) rewrite(original, "cause", cause);
  return original;
}

// Node's socket errors, postgres.js's own, and Postgres's shutdown and connection classes (57P0x, 08xxx).
export const CONNECTION_ERROR_CODES = new Set([
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
export const UNSTORABLE_TEXT_CODES = new Set(["22021", "22P05"]);

/** Whether the error, or any error it was caused by, carries one of these driver or Postgres codes. */
export function hasCode(error: unknown, codes: ReadonlySet<string>): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && codes.has(code)) return true;
  }
  return false;
}
