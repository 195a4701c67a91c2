import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "tests/stubs/server-only.ts"),
};
const integration = { include: ["tests/integration/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          exclude: [...configDefaults.exclude, "**/*.react-server.test.ts"],
        },
      },
      // React's server-side decoder loads only under the condition Next's server runs with.
      {
        resolve: { alias },
        test: {
          name: "unit:react-server",
          include: ["tests/unit/**/*.react-server.test.ts"],
          execArgv: ["--conditions=react-server"],
        },
      },
      {
        resolve: { alias },
        test: { ...integration, name: "integration:pglite", setupFiles: ["tests/integration/setup-pglite.ts"] },
      },
      // Postgres runs only where a server is configured; CI always sets it.
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              resolve: { alias },
              test: {
                ...integration,
                name: "integration:postgres",
                globalSetup: ["tests/integration/global-postgres.ts"],
                setupFiles: ["tests/integration/setup-postgres.ts"],
              },
            },
          ]
        : []),
    ],
  },
});
