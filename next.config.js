/** @type {import('next').NextConfig} */
const nextConfig = {
  // A self-contained server (.next/standalone/server.js with only the files it needs), which
  // `npm start`, the tests, the benchmark and the Docker image all run.
  output: "standalone",
  // Pinned to this directory so the standalone layout never depends on a lock file further up.
  outputFileTracingRoot: import.meta.dirname,
  // Native and WebAssembly database drivers must be loaded by Node, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "pino", "pg-boss", "nodemailer"],
  poweredByHeader: false,
  // Links, redirects and router pushes are checked against the app's routes at type-check time.
  typedRoutes: true,
  // proxy.ts must see the router's headers (RSC, Next-Router-State-Tree, Next-Router-Prefetch),
  // which Next otherwise hides from it, to refuse a router state Next would answer 500 to. The
  // rest of what this skips rewrites URLs for the pages router, locales and trailing slashes,
  // none of which Waymark uses; the proxy also sees the `_rsc` search parameter, which it ignores.
  skipProxyUrlNormalize: true,
  // A complete export can reach a few megabytes; import refuses anything over 5 MB itself, with a message.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  async headers() {
    const production = process.env.NODE_ENV === "production";
    return [
      {
        source: "/:path*",
        headers: [
          // No page of Waymark may be framed: its buttons change a learner's data. Pages also get
          // frame-ancestors 'none' in the nonce-based policy proxy.ts writes.
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          {
            key: "Permissions-Policy",
            value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
          },
          ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
        ],
      },
      {
        // Its address holds a reset link's token, which no request from the page may pass on.
        source: "/reset-password",
        headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
      },
      {
        // JSON and files: nothing in them may run or be framed.
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
