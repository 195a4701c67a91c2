import { NextResponse, type NextRequest } from "next/server";

// Where the "Continue with GitHub/Google" form may send the browser after our own server.
const OAUTH_FORM_TARGETS = "https://github.com https://accounts.google.com";

/**
 * A Content-Security-Policy with a fresh nonce for every page: Next puts the nonce on the
 * scripts it writes (it reads the policy from the request), and no other script runs, inline
 * or injected. Dev mode needs eval for its tooling. This is a convenience layer, not an
 * access check: every page and action still authenticates on its own.
 */
export function proxy(request: NextRequest) {
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

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: route handlers answer JSON or files, and static assets carry no scripts.
      source: "/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
