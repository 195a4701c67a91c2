import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { ignoreRestSiblings: true, varsIgnorePattern: "^_", argsIgnorePattern: "^_" },
      ],
    },
  },
  // The house plan (README, Architecture): what may import what.
  {
    files: ["**/*.{ts,tsx,mjs}"],
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./db",
              from: ["./lib", "./app", "./components"],
              message: "db/ stands alone: lib/ builds on it.",
            },
            { target: "./components", from: "./app", message: "Routes use components, not the other way round." },
            { target: "./lib", from: "./app", message: "lib/ knows nothing of routes." },
            {
              target: "./lib",
              from: "./components",
              except: ["./emails"],
              message: "lib/ knows nothing of React views.",
            },
            {
              target: ["./lib/actions", "./lib/data", "./lib/domain", "./lib/server", "./lib/client"],
              from: "./components/emails",
              message: "Mail is rendered in one place: lib/jobs/, when it is delivered.",
            },
            {
              target: "./lib/domain",
              from: ["./lib/data", "./lib/server", "./lib/client", "./lib/actions", "./db"],
              message: "lib/domain/ is pure: it runs in the browser, on the server and in tests alike.",
            },
            {
              target: ["./app", "./components", "./lib/actions", "./lib/server", "./lib/client", "./lib/domain"],
              from: "./lib/data/internal",
              message: "lib/data/internal/ reads without asking lib/data/access.ts: only the data layer may call it.",
            },
            {
              target: "./lib/client",
              from: ["./lib/data", "./lib/server", "./lib/actions", "./db"],
              message: "lib/client/ runs in the browser: it talks to the server over HTTP and actions only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "react",
                "react-dom",
                "next",
                "next/*",
                "next-auth",
                "drizzle-orm",
                "drizzle-orm/*",
                "server-only",
              ],
              message: "lib/domain/ is pure: no React, framework or database imports.",
            },
          ],
        },
      ],
    },
  },
  /*
   * Progress rows, and which roadmaps a learner follows, change only through
   * lib/data/internal/progress-writes.ts, which keeps each learner's summary with them. An
   * enrolment's pace dates are no part of a summary, so updating them is left open.
   */
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/domain/**", "lib/data/internal/progress-writes.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/db/progress-summaries"],
              message: "Write progress through lib/data/internal/progress-writes.ts: it refreshes the summary itself.",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(insert|update|delete)$/][arguments.0.name='milestoneProgress']",
          message: "Write progress through lib/data/internal/progress-writes.ts: it refreshes the summary itself.",
        },
        {
          selector: "CallExpression[callee.property.name=/^(insert|delete)$/][arguments.0.name='enrollments']",
          message:
            "Enrol and unenrol through lib/data/internal/progress-writes.ts: it keeps the summary with the enrolment.",
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "db/migrations/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
]);
