import { NextRequest } from "next/server";

/**
 * The one reader of a password sign-in posted to Auth.js's credentials callback. The
 * sign-in limit counts the email read here, and Auth.js is handed a request rebuilt from
 * these same fields, so the account an attempt is counted against is the account it tries.
 * Auth.js on its own reads a form's last value of a repeated field and reads as JSON any
 * content type that merely contains "application/json"; here anything that could be read
 * two ways is refused.
 */

/** Auth.js's route handler lives here; its actions are the path's segments after it. */
const AUTH_BASE_PATH = "/api/auth";
const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
/** Far above a real sign-in form (email, password, CSRF token, callback address). */
export const CREDENTIALS_POST_MAX_BYTES = 16 * 1024;

/** The action and provider Auth.js reads from a path: it splits what follows its base on "/" and drops empty segments. */
function authSegments(pathname: string): string[] {
  if (!pathname.startsWith(AUTH_BASE_PATH)) return [];
  return pathname.slice(AUTH_BASE_PATH.length).split("/").filter(Boolean);
}

/** Whether Auth.js would treat a post to this path as a credentials sign-in. */
export function isCredentialsCallbackPath(pathname: string): boolean {
  const segments = authSegments(pathname);
  return segments.length === 2 && segments[0] === "callback" && segments[1] === "credentials";
}

/** Whether Auth.js would answer this path with the session its cookie holds. */
export function isSessionPath(pathname: string): boolean {
  const segments = authSegments(pathname);
  return segments.length === 1 && segments[0] === "session";
}

/** A sign-in attempt as counted, and the request Auth.js is given for it; or why it is refused. */
export type CredentialsAttempt = { ok: true; email: string; request: NextRequest } | { ok: false; problem: string };

/** A form post's content type: the form type itself, with at most a UTF-8 charset. */
function isPlainFormContentType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const [type, ...parameters] = contentType.split(";").map((part) => part.trim().toLowerCase());
  if (type !== FORM_CONTENT_TYPE) return false;
  return parameters.every((parameter) => parameter === "charset=utf-8");
}

/** The form's fields, each sent once, or why the form is refused. */
export function readCredentialsForm(
  contentType: string | null,
  body: string,
): { ok: true; fields: Record<string, string> } | { ok: false; problem: string } {
  if (!isPlainFormContentType(contentType)) {
    return { ok: false, problem: `Send the sign-in as ${FORM_CONTENT_TYPE}.` };
  }
  if (Buffer.byteLength(body) > CREDENTIALS_POST_MAX_BYTES) return { ok: false, problem: "This sign-in is too large." };
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    if (Object.hasOwn(fields, name)) return { ok: false, problem: `The field “${name.slice(0, 40)}” is sent twice.` };
    fields[name] = value;
  }
  return { ok: true, fields };
}

/**
 * Reads a post to the credentials callback once: the email to count, and a request for
 * Auth.js rebuilt from exactly the fields read (same address and headers), so that Auth.js
 * cannot read it another way.
 */
export async function readCredentialsAttempt(request: Request): Promise<CredentialsAttempt> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > CREDENTIALS_POST_MAX_BYTES) return { ok: false, problem: "This sign-in is too large." };
  let body: string;
  try {
    body = await request.text();
  } catch {
    return { ok: false, problem: "This sign-in could not be read." };
  }
  const form = readCredentialsForm(request.headers.get("content-type"), body);
  if (!form.ok) return form;
  const headers = new Headers(request.headers);
  headers.set("content-type", FORM_CONTENT_TYPE);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return {
    ok: true,
    email: form.fields.email ?? "",
    request: new NextRequest(request.url, {
      method: "POST",
      headers,
      body: new URLSearchParams(form.fields).toString(),
    }),
  };
}
