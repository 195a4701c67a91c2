import { NextResponse, type NextRequest } from "next/server";

// Where the "Continue with GitHub/Google" form may send the browser after our own server.
const OAUTH_FORM_TARGETS = "https://github.com https://accounts.google.com";

// What a request id may look like when the load balancer in front already gave one.
const FORWARDED_REQUEST_ID = /^[\w.-]{8,128}$/;

/**
 * Every request gets an id (the load balancer's, or a new one), which the logs carry and the
 * response returns as X-Request-Id. Every page also gets a Content-Security-Policy with a
 * fresh nonce: Next puts it on the scripts it writes (it reads the policy from the request),
 * and no other script runs, inline or injected. Dev mode needs eval for its tooling. This is
 * a convenience layer, not an access check: every page and action authenticates on its own.
 */
export function proxy(request: NextRequest) {
  const forwardedId = request.headers.get("x-request-id") ?? "";
  const requestId = FORWARDED_REQUEST_ID.test(forwardedId) ? forwardedId : crypto.randomUUID();
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
