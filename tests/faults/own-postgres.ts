import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { freePort } from "../../bench/app-server";

export type OwnPostgres = {
  /** A database of its own on this server, for the app. */
  databaseUrl: string;
  stop: () => void;
  start: () => void;
  destroy: () => void;
};

/*
 * initdb and the server refuse to run as root; on a CI machine the tests often are root,
 * so the server's commands then run as the postgres system user, who owns the directory.
 */
function asServerUser(command: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  execFileSync(root ? "runuser" : command, root ? ["-u", "postgres", "--", command, ...args] : args, {
    stdio: ["ignore", "ignore", "pipe"],
  });
}

/**
 * A PostgreSQL server the fault tests start, stop and start again themselves: a fresh
 * cluster in a temporary directory on a port of its own, never the machine's shared server.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), "waymark-faults-pg-"));
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  const port = await freePort();
  asServerUser("initdb", [
    "--pgdata",
    data,
    "--auth",
    "trust",
    "--username",
    "postgres",
    "--no-sync",
    "--no-instructions",
  ]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`;
  const start = () =>
    asServerUser("pg_ctl", [
      "--pgdata",
      data,
      "--options",
      options,
      "--log",
      path.join(dir, "server.log"),
      "--wait",
      "start",
    ]);
  // Fast shutdown ends every open connection at once, as a failover or a crashed host would.
  const stop = () => asServerUser("pg_ctl", ["--pgdata", data, "--mode", "fast", "--wait", "stop"]);
  start();
  const admin = postgres(`postgres://postgres@127.0.0.1:${port}/postgres`, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe("create database waymark");
  } finally {
    await admin.end();
  }
  return {
    databaseUrl: `postgres://postgres@127.0.0.1:${port}/waymark`,
    stop,
    start,
    destroy: () => {
      try {
        stop();
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
