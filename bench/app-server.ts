import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export type AppServer = {
  baseUrl: string;
  stop: () => Promise<void>;
  /** SIGKILL to the server and its launcher: no shutdown, no flush, as a crash or an OOM kill. */
  kill: () => Promise<void>;
};

/** A port nothing on this machine listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers 2xx; fails when the app exits first or the time is up. */
export async function waitUntilOk(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode} before it was ready.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not answer ${url} within ${timeoutMs / 1000} s.`);
}

/**
 * The production build, started the way `npm start` starts it (building first if the
 * sources changed), with the benchmark's routes switched on.
 */
export async function startAppServer(options: {
  port: number;
  database: { databaseUrl: string } | { dataDir: string };
  quiet: boolean;
  /** The benchmark's routes; the fault tests run the app as shipped. */
  benchRoutes?: boolean;
  /** Fixed to keep sessions valid across a restart; a new one each start otherwise. */
  authSecret?: string;
  /** How many proxies the app believes in X-Forwarded-For (TRUST_PROXY); none unless said. */
  trustProxy?: number;
}): Promise<AppServer> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/start.ts")], {
    cwd: root,
    detached: true,
    stdio: options.quiet ? "ignore" : "inherit",
    env: {
      ...process.env,
      PORT: String(options.port),
      WAYMARK_BENCH: options.benchRoutes === false ? "" : "1",
      AUTH_SECRET: options.authSecret ?? randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
      TRUST_PROXY: String(options.trustProxy ?? 0),
      DATABASE_URL: "databaseUrl" in options.database ? options.database.databaseUrl : "",
      DATA_DIR: "dataDir" in options.database ? options.database.dataDir : "",
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const sendSignal = (name: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, name);
    await exited;
  };
  // A server still draining connections after ten seconds is killed: a test must never hang on it.
  const stop = async () => {
    const killLater = setTimeout(() => void sendSignal("SIGKILL")(), 10_000);
    await sendSignal("SIGTERM")();
    clearTimeout(killLater);
  };
  try {
    await waitUntilOk(`${baseUrl}/api/health`, child, 600_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop, kill: sendSignal("SIGKILL") };
}

export type BuiltServerAction = { id: string; filename: string | undefined; exportedName: string | undefined };

/** Every server action in this build, with the id the browser sends for it in `Next-Action`. */
export function builtServerActions(): BuiltServerAction[] {
  type Entry = { filename?: string; exportedName?: string };
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, Entry>;
    edge?: Record<string, Entry>;
  };
  return Object.entries({ ...manifest.node, ...manifest.edge }).map(([id, { filename, exportedName }]) => ({
    id,
    filename,
    exportedName,
  }));
}

/** The id Next gave a server action in this build, as the browser sends it in `Next-Action`. */
export function serverActionId(file: string, exportedName: string): string {
  const action = builtServerActions().find((built) => built.filename === file && built.exportedName === exportedName);
  if (!action) throw new Error(`No server action ${exportedName} in ${file}: was the app built?`);
  return action.id;
}

export type ServerStats = { queries: number; residentBytes: number; peakResidentBytes: number | null };

export async function readStats(baseUrl: string): Promise<ServerStats> {
  const response = await fetch(`${baseUrl}/api/bench/stats`);
  if (!response.ok) throw new Error(`Could not read the app's counters (HTTP ${response.status}).`);
  return (await response.json()) as ServerStats;
}

/** Signs in through Auth.js's credentials endpoint, as the sign-in form does, and returns the cookies. */
export async function signInForCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/dashboard` }),
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`Signing in as ${email} failed (HTTP ${response.status}).`);
  return session;
}
