import { NextResponse, type NextRequest } from "next/server";
import { actionOriginOf, headerProblemOf, parses } from "@/lib/server/request-headers";
import { ACTION_BODY_LIMIT_BYTES, isDecodableActionPost, type ActionPost } from "@/lib/server/server-action-body";

// Where the "Continue with GitHub/Google" form may send the browser after our own server.
const OAUTH_FORM_TARGETS = "https://github.com https://accounts.google.com";

// What a request id may look like when the load balancer in front already gave one.
const FORWARDED_REQUEST_ID = /^[\w.-]{8,128}$/;

type ActionPostReading = ActionPost | "unreadable" | "too-large";

/** Whether Next handles this post as a server action: checks its origin, then decodes its body. */
function isActionPost(request: NextRequest): boolean {
  if (request.method !== "POST" || request.nextUrl.pathname.startsWith("/api/")) return false;
  // The same tests as Next's own (case and all), so that both see the same kind of post.
  const contentType = request.headers.get("content-type");
  const multipart = contentType?.startsWith("multipart/form-data") ?? false;
  return multipart || (request.headers.has("next-action") && contentType !== "application/x-www-form-urlencoded");
}

/** A server action post's body, read as Next would read it. */
async function actionPostOf(request: NextRequest): Promise<ActionPostReading> {
  const contentType = request.headers.get("content-type");
  const fetchAction = request.headers.has("next-action");
  const multipart = contentType?.startsWith("multipart/form-data") ?? false;
  if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT_BYTES) return "too-large";
  try {
    const body = await request.clone().arrayBuffer();
    if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return "too-large";
    if (!multipart) return { kind: "fetch-text", text: new TextDecoder().decode(body) };
    const form = await new Response(body, { headers: { "content-type": contentType! } }).formData();
    return fetchAction ? { kind: "fetch-form", form } : { kind: "document-form", form };
  } catch {
    return "unreadable";
  }
}

function plainRefusal(status: 400 | 403, message: string, requestId: string): NextResponse {
  return new NextResponse(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Request-Id": requestId },
  });
}

/** Next refuses an action from another origin with a 500 and a stack trace in the log: a 403 here. */
function originRefusalOf(request: NextRequest, requestId: string): NextResponse | null {
  const origin = actionOriginOf(request.headers);
  if (origin === "malformed") return plainRefusal(400, "The Origin header is not a valid origin.", requestId);
  if (origin === "refused") {
    return plainRefusal(403, "This action was sent from another site, so it was not run.", requestId);
  }
  return null;
}

function bodyRefusalOf(reading: ActionPostReading, requestId: string): NextResponse | null {
  if (reading === "too-large") {
    return NextResponse.json(
      { ok: false, code: "INVALID_INPUT", error: "This request is too large to send." },
      { status: 413, headers: { "X-Request-Id": requestId } },
    );
  }
  if (reading === "unreadable" || !isDecodableActionPost(reading)) {
    return NextResponse.json(
      { ok: false, code: "INVALID_INPUT", error: "This request could not be read. Reload the page and try again." },
      { status: 400, headers: { "X-Request-Id": requestId } },
    );
  }
  return null;
}

/**
 * Every request gets an id (the load balancer's, or a new one), which the logs carry and the
 * response returns as X-Request-Id. Every page also gets a Content-Security-Policy with a
 * fresh nonce: Next puts it on the scripts it writes (it reads the policy from the request),
 * and no other script runs, inline or injected. Dev mode needs eval for its tooling. What
 * Next or Auth.js would answer with a 500 gets a 4xx here: a Host, X-Forwarded-Host,
 * X-Forwarded-Proto or router state header they cannot read, a path with a broken escape,
 * a server action post from another origin (403), or one whose body Next could not decode
 * as the action's arguments (413 over Next's size limit). This is a convenience layer, not
 * an access check: every page and action authenticates on its own.
 */
export async function proxy(request: NextRequest) {
  const forwardedId = request.headers.get("x-request-id") ?? "";
  const requestId = FORWARDED_REQUEST_ID.test(forwardedId) ? forwardedId : crypto.randomUUID();
  const headerProblem = headerProblemOf(request.headers);
  if (headerProblem) return plainRefusal(400, headerProblem, requestId);
  // Next answers 500 to a path with a broken percent escape (vercel/next.js#92527).
  if (!parses(() => decodeURIComponent(request.nextUrl.pathname))) {
    return plainRefusal(400, "This address is not valid: it has a broken %-escape.", requestId);
  }
  if (isActionPost(request)) {
    const refusal = originRefusalOf(request, requestId) ?? bodyRefusalOf(await actionPostOf(request), requestId);
    if (refusal) return refusal;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-request-id", requestId);
  // A prefetch's response is not a page the browser renders: it needs no policy of its own.
  const prefetch = request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
  if (prefetch || request.nextUrl.pathname.startsWith("/api/")) {
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("X-Request-Id", requestId);
    return response;
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React's style attributes (progress bar widths) are inline styles; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${OAUTH_FORM_TARGETS}`,
    "frame-ancestors 'none'",
  ].join("; ");

  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Request-Id", requestId);
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but static assets, which carry no scripts and need no id; prefetches included,
      // since a post can carry a prefetch header too.
      source: "/((?!(?:_next/static|_next/image)/|icon\\.svg$|favicon\\.ico$).*)",
    },
  ],
};
