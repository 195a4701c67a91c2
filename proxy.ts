import { NextResponse, type NextRequest } from "next/server";
import { isDecodableActionPost, type ActionPost } from "@/lib/server-action-body";

// Where the "Continue with GitHub/Google" form may send the browser after our own server.
const OAUTH_FORM_TARGETS = "https://github.com https://accounts.google.com";

// What a request id may look like when the load balancer in front already gave one.
const FORWARDED_REQUEST_ID = /^[\w.-]{8,128}$/;

/** A post Next would try to decode as a server action's arguments, read as it would read it. */
async function actionPostOf(request: NextRequest): Promise<ActionPost | "unreadable" | null> {
  if (request.method !== "POST" || request.nextUrl.pathname.startsWith("/api/")) return null;
  // The same tests as Next's own (case and all), so that both see the same kind of post.
  const contentType = request.headers.get("content-type");
  const fetchAction = request.headers.has("next-action");
  try {
    if (contentType?.startsWith("multipart/form-data")) {
      const form = await request.clone().formData();
      return fetchAction ? { kind: "fetch-form", form } : { kind: "document-form", form };
    }
    if (!fetchAction || contentType === "application/x-www-form-urlencoded") return null;
    return { kind: "fetch-text", text: await request.clone().text() };
  } catch {
    return "unreadable";
  }
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
 * escape, gets a 400 here rather than a 500 there. This is a convenience layer, not an access check: every page and action
 * authenticates on its own.
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
  const actionPost = await actionPostOf(request);
  if (actionPost === "unreadable" || (actionPost !== null && !isDecodableActionPost(actionPost))) {
    return NextResponse.json(
      { ok: false, code: "INVALID_INPUT", error: "This request could not be read. Reload the page and try again." },
      { status: 400, headers: { "X-Request-Id": requestId } },
    );
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-request-id", requestId);
  if (request.nextUrl.pathname.startsWith("/api/")) {
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
      // Everything but static assets, which carry no scripts and need no id.
      source: "/((?!_next/static|_next/image|icon.svg|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
