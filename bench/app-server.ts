import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export type AppServer = { baseUrl: string; stop: () => Promise<void> };

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
}): Promise<AppServer> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/start.ts")], {
    cwd: root,
    detached: true,
    stdio: options.quiet ? "ignore" : "inherit",
    env: {
      ...process.env,
      PORT: String(options.port),
      WAYMARK_BENCH: "1",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: "databaseUrl" in options.database ? options.database.databaseUrl : "",
      DATA_DIR: "dataDir" in options.database ? options.database.dataDir : "",
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
    await exited;
  };
  try {
    await waitUntilOk(`${baseUrl}/api/health`, child, 600_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
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
