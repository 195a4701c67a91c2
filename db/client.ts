import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm/logger";
import { PgPreparedQuery, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { databaseTargetFromProcess, type DatabaseTarget } from "./config";
import { queryCountingLogger } from "./query-count";
import { withoutQueryParameters } from "./query-errors";
import * as schema from "./schema";

/** The one type the app codes against, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type DatabaseHandle = {
  db: Database;
  driver: "pglite" | "postgres";
  /** The embedded database itself, for the job queue, which shares its one connection; null on Postgres. */
  pglite: PGlite | null;
  close: () => Promise<void>;
};

export type { DatabaseTarget };

/*
 * Drizzle wraps a failed query's error in one that carries the query's parameters (a note's
 * text, the viewer's id) in its message, stack and fields, and the driver's error under it
 * carries them too. Whatever prints it would show them: Next prints a page's failure whole,
 * before any hook of ours runs, and Auth.js prints its adapter's. Every query of either
 * driver runs through this one method of Drizzle's (internal, so it is checked for), and its
 * errors leave it without them.
 */
const stripsParameters = Symbol.for("waymark.stripsQueryParameters");
type QueryRunner = { queryWithCache(...args: unknown[]): Promise<unknown>; [stripsParameters]?: true };
const queryRunner = PgPreparedQuery.prototype as unknown as QueryRunner;
if (typeof queryRunner.queryWithCache !== "function") {
  throw new Error("drizzle-orm no longer runs queries through queryWithCache: update db/client.ts");
}
// Next may evaluate this module more than once over the same Drizzle: wrapped once.
if (!queryRunner[stripsParameters]) {
  const runQuery = queryRunner.queryWithCache;
  queryRunner.queryWithCache = async function (this: unknown, ...args: unknown[]) {
    try {
      return await runQuery.apply(this, args);
    } catch (error) {
      throw withoutQueryParameters(error);
    }
  };
  queryRunner[stripsParameters] = true;
}

/*
 * Postgres prices a random page read at 4× a sequential one, a figure from spinning disks.
 * Waymark's working set is small and cached, and with that default the planner answered the
 * mentor's table by scanning every user and enrollment: slower with each learner who joins,
 * whoever they mentor. At 1.1 (the usual figure for SSDs) it looks up just the mentees.
 */
const SESSION_SETTINGS = { random_page_cost: "1.1" };

export function openDatabase(target: DatabaseTarget, logger: Logger = queryCountingLogger): DatabaseHandle {
  if ("databaseUrl" in target) {
    const client = postgres(target.databaseUrl, {
      max: 10,
      onnotice: () => {},
      connection: SESSION_SETTINGS,
      // postgres.js waits longer after each failed connect (up to 20 s) and holds queries meanwhile:
      // in an outage, requests hung instead of answering 503, and recovery lagged. A short fixed
      // pause answers at once and reconnects soon after the database returns.
      backoff: () => 0.25,
      connect_timeout: 5,
    });
    return {
      db: drizzlePostgres(client, { schema, logger }) as unknown as Database,
      driver: "postgres",
      pglite: null,
      close: () => client.end({ timeout: 5 }),
    };
  }
  mkdirSync(target.pgliteDir, { recursive: true });
  const client = new PGlite(target.pgliteDir);
  // One session for the whole process: queries queue behind this, so every one sees it.
  void client.exec(
    Object.entries(SESSION_SETTINGS)
      .map(([name, value]) => `set ${name} = ${value}`)
      .join(";"),
  );
  return {
    db: drizzlePglite(client, { schema, logger }) as unknown as Database,
    driver: "pglite",
    pglite: client,
    close: () => client.close(),
  };
}

/*
 * One handle per process, kept on globalThis: Next.js may evaluate this module in
 * more than one bundle, and an embedded database directory must never be opened twice.
 */
const globalForDb = globalThis as typeof globalThis & { waymarkDatabase?: DatabaseHandle };

export function getDatabaseHandle(): DatabaseHandle {
  globalForDb.waymarkDatabase ??= openDatabase(databaseTargetFromProcess());
  return globalForDb.waymarkDatabase;
}

export function getDb(): Database {
  return getDatabaseHandle().db;
}
