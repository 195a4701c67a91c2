import fc from "fast-check";
import { describe, expect, it } from "vitest";
// Auth.js's own reader of a request (not exported by the package): what it would sign in with.
import { toInternalRequest } from "../../node_modules/@auth/core/lib/utils/web.js";
import { isCredentialsCallbackPath, readCredentialsAttempt, readCredentialsForm } from "@/lib/server/credentials-post";
import { normalizeEmail } from "@/lib/data/users";

const ORIGIN = "http://127.0.0.1:3000";
const FORM = "application/x-www-form-urlencoded";

async function authJsReading(request: Request) {
  const reading = await toInternalRequest(request, {
    basePath: "/api/auth",
    providers: [],
    logger: { error: () => {} },
  } as never);
  return reading ?? null;
}

function post(path: string, contentType: string | null, body: string): Request {
  const headers = new Headers();
  if (contentType !== null) headers.set("content-type", contentType);
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body });
}

describe("reading a password sign-in", () => {
  it("refuses a repeated credential field, which Auth.js would read as its last", () => {
    const body = "email=decoy1%40x.test&email=victim%40example.test&password=guess&csrfToken=t";
    expect(readCredentialsForm(FORM, body)).toMatchObject({ ok: false, problem: "The field “email” is sent twice." });
    expect(readCredentialsForm(FORM, "email=a%40x.test&password=a&password=b").ok).toBe(false);
  });

  it("refuses a content type that could be read as JSON or as a form, or as neither", () => {
    for (const contentType of [
      "application/json",
      `${FORM}; x=application/json`,
      `application/json; x=${FORM}`,
      `${FORM}, application/json`,
      "text/plain",
      `${FORM}; charset=latin1`,
      null,
    ]) {
      expect(readCredentialsForm(contentType, "email=a%40x.test&password=p").ok, String(contentType)).toBe(false);
    }
    expect(readCredentialsForm(`${FORM}; Charset=UTF-8`, "email=a%40x.test&password=p")).toMatchObject({
      ok: true,
      fields: { email: "a@x.test", password: "p" },
    });
  });

  it("knows every path Auth.js reads as the credentials callback", () => {
    expect(isCredentialsCallbackPath("/api/auth/callback/credentials")).toBe(true);
    expect(isCredentialsCallbackPath("/api/auth/callback/credentials/")).toBe(true);
    expect(isCredentialsCallbackPath("/api/auth//callback//credentials")).toBe(true);
    expect(isCredentialsCallbackPath("/api/auth/callback/github")).toBe(false);
    expect(isCredentialsCallbackPath("/api/auth/signin/credentials")).toBe(false);
  });

  it("counts any request that could sign in as someone against that someone (property)", async () => {
    const email = fc.constantFrom("victim@example.test", "Victim@Example.test ", "decoy@x.test", "", "a@b");
    const field = fc.oneof(
      fc.tuple(fc.constantFrom("email", "password", "csrfToken", "callbackUrl", "Email", "email[]"), email),
      fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })),
    );
    const formBody = fc
      .array(field, { maxLength: 6 })
      .map((fields) => fields.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`));
    const body = fc.oneof(
      formBody.map((parts) => parts.join("&")),
      fc.tuple(formBody, formBody).map(([a, b]) => `${a.join("&")}&{"x":1}&${b.join("&")}`),
      fc.dictionary(fc.constantFrom("email", "password", "csrfToken"), email).map((json) => JSON.stringify(json)),
      fc.string({ maxLength: 40 }),
    );
    const contentType = fc.oneof(
      fc.constantFrom(
        FORM,
        `${FORM}; charset=UTF-8`,
        "application/json",
        `${FORM}; x=application/json`,
        `application/json; ${FORM}`,
        `text/plain; ${FORM}`,
        `${FORM},${FORM}`,
        "multipart/form-data; boundary=x",
      ),
      fc.constant(null),
      fc.string({ maxLength: 30 }),
    );
    const path = fc.constantFrom(
      "/api/auth/callback/credentials",
      "/api/auth/callback/credentials/",
      "/api/auth//callback/credentials",
      "/api/auth/callback//credentials//",
      "/api/auth/callback/credentials?x=1",
      "/api/auth/signin/credentials",
      "/api/auth/callback/github",
    );

    await fc.assert(
      fc.asyncProperty(path, contentType, body, async (pathname, type, text) => {
        const original = await authJsReading(post(pathname, type, text));
        const couldSignIn = original?.action === "callback" && original.providerId === "credentials";
        if (!couldSignIn) return;
        expect(isCredentialsCallbackPath(new URL(`${ORIGIN}${pathname}`).pathname)).toBe(true);
        const attempt = await readCredentialsAttempt(post(pathname, type, text));
        if (!attempt.ok) return; // Refused with 400: Auth.js never sees it.
        const forwarded = await authJsReading(attempt.request);
        const signsInAs = (forwarded?.body as Record<string, unknown> | undefined)?.email;
        expect(typeof signsInAs === "string" ? normalizeEmail(signsInAs) : "").toBe(normalizeEmail(attempt.email));
      }),
      { numRuns: 500 },
    );
  });
});
