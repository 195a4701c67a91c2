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

/** What stripQueryParameters leaves on an error: its name, message, code, stack and cause, and Next's digest. */
const KEPT_FIELDS = new Set(["name", "message", "stack", "code", "cause", "digest"]);

/** Cuts a failed query's parameters out of the error itself, and out of its causes, whoever prints it later. */
export function stripQueryParameters(error: unknown): void {
  let current = error;
  for (let depth = 0; current instanceof Error && depth <= CAUSE_DEPTH; depth += 1) {
    const stripped = current as QueryError;
    const message = messageWithoutParameters(stripped);
    const stack = `${stripped.name}: ${message}\n${stackFrames(stripped)}`;
    for (const key of Object.getOwnPropertyNames(stripped)) {
      // postgres.js fixes its copies, which no printing shows; every other field goes.
      if (!KEPT_FIELDS.has(key)) Reflect.deleteProperty(stripped, key);
    }
    stripped.message = message;
    stripped.stack = stack;
    current = stripped.cause;
  }
}
