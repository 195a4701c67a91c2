/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WebAssembly database drivers must be loaded by Node, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "argon2", "postgres"],
  poweredByHeader: false,
  // A complete export can reach a few megabytes; import refuses anything over 5 MB itself, with a message.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          // No page of Waymark may be framed: its buttons change a learner's data.
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
