import { NextResponse, type NextRequest } from "next/server";
import { ACTION_BODY_LIMIT_BYTES, isDecodableActionPost, type ActionPost } from "@/lib/server-action-body";

// Where the "Continue with GitHub/Google" form may send the browser after our own server.
const OAUTH_FORM_TARGETS = "https://github.com https://accounts.google.com";

// What a request id may look like when the load balancer in front already gave one.
const FORWARDED_REQUEST_ID = /^[\w.-]{8,128}$/;

type ActionPostReading = ActionPost | "unreadable" | "too-large" | null;

/** A post Next would try to decode as a server action's arguments, read as it would read it. */
async function actionPostOf(request: NextRequest): Promise<ActionPostReading> {
  if (request.method !== "POST" || request.nextUrl.pathname.startsWith("/api/")) return null;
  // The same tests as Next's own (case and all), so that both see the same kind of post.
  const contentType = request.headers.get("content-type");
  const fetchAction = request.headers.has("next-action");
  const multipart = contentType?.startsWith("multipart/form-data") ?? false;
  if (!multipart && (!fetchAction || contentType === "application/x-www-form-urlencoded")) return null;
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

function refusalOf(reading: ActionPostReading, requestId: string): NextResponse | null {
  if (reading === "too-large") {
    return NextResponse.json(
      { ok: false, code: "INVALID_INPUT", error: "This request is too large to send." },
      { status: 413, headers: { "X-Request-Id": requestId } },
    );
  }
  if (reading === "unreadable" || (reading !== null && !isDecodableActionPost(reading))) {
    return NextResponse.json(
      { ok: false, code: "INVALID_INPUT", error: "This request could not be read. Reload the page and try again." },
      { status: 400, headers: { "X-Request-Id": requestId } },
    );
  }
  return null;
}

/** Whether every percent escape in the path decodes: Next answers 500 to one that does not (vercel/next.js#92527). */
function pathDecodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every request gets an id (the load balancer's, or a new one), which the logs carry and the
 * response returns as X-Request-Id. Every page also gets a Content-Security-Policy with a
 * fresh nonce: Next puts it on the scripts it writes (it reads the policy from the request),
 * and no other script runs, inline or injected. Dev mode needs eval for its tooling. A post
 * whose body Next could not decode as a server action's arguments, or a path with a broken
 * escape, gets a 400 here rather than a 500 there (a post over Next's size limit, a 413).
 * This is a convenience layer, not an access check: every page and action authenticates on
 * its own.
 */
export async function proxy(request: NextRequest) {
  const forwardedId = request.headers.get("x-request-id") ?? "";
  const requestId = FORWARDED_REQUEST_ID.test(forwardedId) ? forwardedId : crypto.randomUUID();
  if (!pathDecodes(request.nextUrl.pathname)) {
    return new NextResponse("This address is not valid: it has a broken %-escape.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Request-Id": requestId },
    });
  }
  const refusal = refusalOf(await actionPostOf(request), requestId);
  if (refusal) return refusal;
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
