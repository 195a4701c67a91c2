/*
 * `npm run test:standalone`: the Docker image's server, proved without Docker. The standalone
 * build (made first if the sources changed) is copied to a temporary directory, where nothing
 * else of the repository is, and started there as the image starts it — `node prepare.mjs`,
 * then `node server.js`, with only the environment the image sets — against a database of its
 * own on TEST_DATABASE_URL's server. Once /api/ready answers, Playwright runs the smoke
 * journey against it; then the server stops and the database is dropped.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, waitUntilOk } from "../bench/app-server";
import { adminExec, databaseUrl } from "../tests/integration/postgres-admin";
import { runBin } from "./run-bin";
import { buildIsStale, buildStandalone, PRODUCTION_HEAP_LIMIT_MB, standaloneDir } from "./standalone";

// A free port unless told: the browser tests, the benchmark or another copy of the app may be running.
const port = Number(process.env.STANDALONE_PORT ?? (await freePort()));
const baseUrl = `http://127.0.0.1:${port}`;

if (!process.env.TEST_DATABASE_URL) {
  console.error(
    "TEST_DATABASE_URL is not set: the standalone smoke test needs a PostgreSQL server to create its database on " +
      "(for example postgres://postgres@127.0.0.1:5432/postgres).",
  );
  process.exit(1);
}

if (buildIsStale()) {
  console.info("Building the app (sources changed since the last build)…");
  await buildStandalone();
}

const workDir = mkdtempSync(path.join(tmpdir(), "waymark-standalone-"));
const appDir = path.join(workDir, "app");
const logFile = path.join(workDir, "server.log");
const database = `waymark_standalone_${Date.now()}_${process.pid}`;

// What the Dockerfile and compose.yaml set, and nothing else of this machine's environment.
const env: NodeJS.ProcessEnv = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_OPTIONS: `--max-old-space-size=${PRODUCTION_HEAP_LIMIT_MB}`,
  HOSTNAME: "127.0.0.1",
  PORT: String(port),
  DATABASE_URL: databaseUrl(database),
  AUTH_SECRET: randomBytes(33).toString("base64"),
};

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

/** Production on Postgres without SMTP_URL, as here: the start log and the reset page say email is off. */
async function saysEmailIsOff(): Promise<boolean> {
  const resetPage = await (await fetch(`${baseUrl}/forgot-password`)).text();
  const logged = readFileSync(logFile, "utf8").includes("Email is off");
  const told = resetPage.includes("send email yet");
  if (!logged || !told)
    console.error(`Email is off, but ${logged ? "the reset page doesn't say so" : "the start log doesn't warn"}.`);
  return logged && told;
}

let passed = false;
let databaseCreated = false;
let server: ChildProcess | undefined;
try {
  // Verbatim: the build links packages inside the directory by relative paths, as the image's COPY keeps them.
  cpSync(standaloneDir, appDir, { recursive: true, verbatimSymlinks: true });
  await adminExec(`create database ${database}`);
  databaseCreated = true;

  const prepare = spawnSync(process.execPath, ["prepare.mjs"], { cwd: appDir, env, stdio: "inherit" });
  if (prepare.status !== 0) throw new Error(`prepare.mjs failed (exit code ${prepare.status ?? "none"}).`);

  const log = openSync(logFile, "a");
  const started = spawn(process.execPath, ["server.js"], { cwd: appDir, env, stdio: ["ignore", log, log] });
  server = started;
  await waitUntilOk(`${baseUrl}/api/ready`, started, 60_000);
  console.info(`Standalone server ready at ${baseUrl} (from ${appDir}, on Postgres database ${database}).`);

  passed = runBin("playwright", ["test"], { E2E_BASE_URL: baseUrl }) === 0 && (await saysEmailIsOff());
} catch (error) {
  console.error(error);
} finally {
  if (server) await stop(server);
  if (!passed && existsSync(logFile)) console.error(`\nThe standalone server wrote:\n${readFileSync(logFile, "utf8")}`);
  if (databaseCreated) await adminExec(`drop database if exists ${database} with (force)`);
  rmSync(workDir, { recursive: true, force: true });
}
process.exit(passed ? 0 : 1);
