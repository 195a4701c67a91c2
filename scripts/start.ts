/*
 * `npm start` (and `npm run dev` with --dev): one command from a fresh clone to a running
 * app. Checks configuration, builds when the sources are newer than the last build,
 * migrates and syncs the roadmap content, then hands over to Next.js.
 */
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { openDatabase, targetFromEnv } from "../db/client";
import { syncChangedAnything } from "../db/content/sync";
import { prepareDatabase } from "../db/prepare";
import { ConfigurationError, getEnv, resolveAuthSecret } from "../lib/env";

const dev = process.argv.includes("--dev");
const root = path.resolve(import.meta.dirname, "..");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "db",
  "next.config.js",
  "postcss.config.mjs",
  "package.json",
  "tsconfig.json",
];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(entry)
      .filter((name) => name !== "migrations")
      .map((name) => newestMtime(path.join(entry, name))),
  );
}

function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(root, input)) > builtAt);
}

async function main(): Promise<void> {
  if (!dev) Object.assign(process.env, { NODE_ENV: "production" });
  const env = getEnv();
  const authSecret = resolveAuthSecret(env);

  if (!dev && buildIsStale()) {
    console.info("Building the app (sources changed since the last build)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const handle = openDatabase(targetFromEnv(env));
  try {
    for (const report of await prepareDatabase(handle)) {
      if (syncChangedAnything(report)) {
        console.info(
          `Roadmap ${report.roadmap} synced: stages ${JSON.stringify(report.stages)}, milestones ${JSON.stringify(report.milestones)}`,
        );
      }
    }
  } finally {
    await handle.close();
  }
  console.info(
    `Database ready (${handle.driver}${handle.driver === "pglite" ? ` in ${path.resolve(env.DATA_DIR)}` : ""}).`,
  );

  const port = process.env.PORT ?? "3000";
  const server = spawn(process.execPath, [...heapLimit(dev), nextBin, dev ? "dev" : "start", "--port", port], {
    cwd: root,
    stdio: ["inherit", "pipe", "pipe"],
    env: { ...process.env, AUTH_SECRET: authSecret },
  });
  // WAYMARK_LOG_FILE keeps a copy of everything the server writes (the tests read it back).
  const copy = process.env.WAYMARK_LOG_FILE ? createWriteStream(process.env.WAYMARK_LOG_FILE, { flags: "a" }) : null;
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    copy?.write(chunk);
  });
  server.stderr.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    copy?.write(chunk);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

/*
 * V8 sizes its heap from the machine's memory, so on a large machine it collects late and
 * the production server's resident memory climbs past 500 MB under load though it needs far
 * less. A limit sized for the app makes it collect sooner (the benchmark measured ~250 MB,
 * no loss of throughput). NODE_OPTIONS may set another; the dev server keeps the default.
 */
const PRODUCTION_HEAP_LIMIT_MB = 256;

function heapLimit(dev: boolean): string[] {
  if (dev || process.env.NODE_OPTIONS?.includes("--max-old-space-size")) return [];
  return [`--max-old-space-size=${PRODUCTION_HEAP_LIMIT_MB}`];
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
