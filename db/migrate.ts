import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { DatabaseHandle } from "./client";

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

// Arbitrary, but fixed for good: servers of different versions must contend for the same lock,
// and no other advisory lock in the database may use it.
const MIGRATION_LOCK = 7_461_202_307;

/** Applies the committed migrations; safe to run on every start, by any number of servers at once. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.driver === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  /*
   * Drizzle's migrator takes no lock: servers starting together on a database that lacks a
   * migration would each apply it, and all but one fail. The first to take this lock applies
   * it; the others wait, then find it applied. A transaction on another of the pool's
   * connections holds the lock until the migrator has committed.
   */
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder });
  });
}
