/*
 * `npm start` (and `npm run dev` with --dev): one command from a fresh clone to a running
 * app. Checks configuration, builds when the sources are newer than the last build,
 * migrates and syncs the roadmap content, then hands over to Next.js: the standalone server
 * the build made (the one the Docker image runs), or `next dev`.
 */
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { getEnv, resolveAuthSecret } from "../lib/server/env";
import { exitOnStartFailure, prepareDatabaseToServe } from "./prepare";
import {
  buildIsStale,
  buildStandalone,
  bundlePeerAddressHook,
  nextBin,
  PRODUCTION_HEAP_LIMIT_MB,
  root,
  standaloneDir,
} from "./standalone";

const dev = process.argv.includes("--dev");

async function main(): Promise<void> {
  if (!dev) Object.assign(process.env, { NODE_ENV: "production" });
  const env = getEnv();
  const authSecret = resolveAuthSecret(env);

  if (!dev && buildIsStale()) {
    console.info("Building the app (sources changed since the last build)…");
    await buildStandalone();
  }
  await prepareDatabaseToServe(env);

  const serverArgs = dev ? [nextBin, "dev"] : [...heapLimit(), path.join(standaloneDir, "server.js")];
  // The standalone server.js loads the hook itself; `next dev` runs its server in a child process.
  const nodeOptions = dev
    ? `${process.env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(await bundlePeerAddressHook())}`.trim()
    : process.env.NODE_OPTIONS;
  const server = spawn(process.execPath, serverArgs, {
    cwd: root,
    stdio: ["inherit", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: process.env.PORT ?? "3000",
      ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
      // Every interface, as `next start` listened. server.js reads HOSTNAME, which Docker and
      // many CI runners set to the machine's name: inherited, it would listen on that address only.
      HOSTNAME: "0.0.0.0",
      AUTH_SECRET: authSecret,
      // The standalone server works from its own directory: a relative DATA_DIR must mean this one.
      DATA_DIR: path.resolve(env.DATA_DIR),
    },
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

function heapLimit(): string[] {
  if (process.env.NODE_OPTIONS?.includes("--max-old-space-size")) return [];
  return [`--max-old-space-size=${PRODUCTION_HEAP_LIMIT_MB}`];
}

main().catch(exitOnStartFailure);
