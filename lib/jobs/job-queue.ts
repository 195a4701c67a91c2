import "server-only";
import { fromPglite, PgBoss } from "pg-boss";
import type { DatabaseHandle, DatabaseTarget } from "../../db/client";

/*
 * Queued and scheduled work runs on pg-boss in the app's own database: on Postgres it survives
 * restarts and runs each job once across every server; on the embedded database it shares
 * PGlite's one connection, so the same handlers run in this process.
 */
export function createJobQueue(handle: DatabaseHandle, target: DatabaseTarget): PgBoss {
  if (handle.pglite) return new PgBoss({ db: fromPglite(handle.pglite), backend: "pglite", schema: "pgboss" });
  if (!("databaseUrl" in target)) throw new Error("A Postgres handle needs its database URL for the job queue");
  return new PgBoss({
    connectionString: target.databaseUrl,
    schema: "pgboss",
    max: 4,
    application_name: "waymark-jobs",
  });
}
