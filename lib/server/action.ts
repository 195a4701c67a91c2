import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getViewer } from "./auth";
import type { Viewer } from "../data/viewer";
import { AppError, UNSTORABLE_TEXT_MESSAGE, type PublicError } from "../domain/errors";
import { toPublicError } from "./public-error";
import { requestLogger } from "./logger";

export type ActionResult<T> = { ok: true; data: T } | ({ ok: false } & PublicError);

/** What an action made here accepts, and whether it answers only a signed-in caller. */
export type ActionContract = { schema: z.ZodType; signInRequired: boolean };

// Kept beside the function rather than on it: a "use server" module exports the function itself.
const contracts = new WeakMap<object, ActionContract>();

/** The contract of an action made by `action` or `publicAction`; undefined for any other function. */
export function actionContract(candidate: unknown): ActionContract | undefined {
  return typeof candidate === "function" ? contracts.get(candidate) : undefined;
}

function inputOf(raw: unknown): unknown {
  return raw instanceof FormData ? Object.fromEntries(raw) : raw;
}

const holdsNul = (value: unknown, depth = 0): boolean =>
  typeof value === "string"
    ? value.includes("\u0000")
    : depth < 4 &&
      typeof value === "object" &&
      value !== null &&
      Object.values(value).some((item) => holdsNul(item, depth + 1));

/** The fields whose text Postgres could not store, to refuse before anything runs. */
function fieldsHoldingNul(input: unknown): string[] | null {
  if (typeof input === "string") return input.includes("\u0000") ? [] : null;
  if (typeof input !== "object" || input === null) return null;
  const fields = Object.entries(input).flatMap(([key, value]) => (holdsNul(value) ? [key] : []));
  return fields.length > 0 ? fields : null;
}

/**
 * A server action that anyone may call: parses the input with zod, runs, and turns every
 * failure into a typed result. Next's redirects and not-found signals pass through.
 */
export function publicAction<S extends z.ZodType, T>(schema: S, run: (input: z.output<S>) => Promise<T>) {
  // Called directly with the input, or by a form through useActionState as (previousState, formData).
  const serverAction = async (input: unknown, formData?: FormData): Promise<ActionResult<T>> => {
    const started = performance.now();
    let outcome = "redirect";
    try {
      const result = await runAction(schema, run, input, formData);
      outcome = result.ok ? "ok" : result.code;
      return result;
    } finally {
      (await requestLogger()).info({ outcome, ms: Math.round(performance.now() - started) }, "action");
    }
  };
  contracts.set(serverAction, { schema, signInRequired: false });
  return serverAction;
}

async function runAction<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.output<S>) => Promise<T>,
  input: unknown,
  formData: FormData | undefined,
): Promise<ActionResult<T>> {
  const raw = inputOf(formData ?? input);
  const unstorable = fieldsHoldingNul(raw);
  if (unstorable) {
    return {
      ok: false,
      code: "INVALID_INPUT",
      error: UNSTORABLE_TEXT_MESSAGE,
      fieldErrors: Object.fromEntries(unstorable.map((field) => [field, [UNSTORABLE_TEXT_MESSAGE]])),
    };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const { fieldErrors, formErrors } = z.flattenError(parsed.error);
    return {
      ok: false,
      code: "INVALID_INPUT",
      error: formErrors[0] ?? "Some fields need another look.",
      fieldErrors: fieldErrors as Record<string, string[]>,
    };
  }
  try {
    return { ok: true, data: await run(parsed.data) };
  } catch (error) {
    unstable_rethrow(error);
    const publicError = toPublicError(error);
    // Expected refusals (bad input, not found, limits) are answers, not incidents; the rest is.
    if (publicError.code === "INTERNAL" || publicError.code === "UNAVAILABLE") {
      (await requestLogger()).error({ err: error, code: publicError.code }, "action failed");
    }
    return { ok: false, ...publicError };
  }
}

/** A server action for signed-in users: it re-authenticates on every call, whatever the page did. */
export function action<S extends z.ZodType, T>(schema: S, run: (input: z.output<S>, viewer: Viewer) => Promise<T>) {
  const serverAction = publicAction(schema, async (input) => {
    const viewer = await getViewer();
    if (!viewer) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to save changes.");
    return run(input, viewer);
  });
  contracts.set(serverAction, { schema, signInRequired: true });
  return serverAction;
}
