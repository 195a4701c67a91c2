import { sql } from "drizzle-orm";
import { hasCode } from "./query-errors";
import type { Database } from "./client";
import journal from "./migrations/meta/_journal.json";

/** Why a server cannot serve: the error pages tell a database outage apart from a deployment mistake. */
type ReadinessProblem = "unreachable" | "unmigrated" | "missing-migrations";

export type Readiness = { ready: true } | { ready: false; problem: ReadinessProblem; reason: string };

// 42P01, undefined table: there is no migrations table, so no migration was ever applied.
const NO_MIGRATIONS_TABLE = new Set(["42P01"]);

const latestMigration = Math.max(...journal.entries.map((entry) => entry.when));

/**
 * Whether this app server can serve: the database answers and has every migration this build
 * ships (Drizzle records each applied one, stamped with its journal time). For `/api/ready`,
 * which a load balancer asks before sending traffic.
 */
export async function checkReadiness(db: Database): Promise<Readiness> {
  let applied: number | null;
  try {
    const [row] = await db
      .select({ latest: sql<string | null>`max(created_at)::text` })
      .from(sql`drizzle.__drizzle_migrations`);
    applied = row?.latest ? Number(row.latest) : null;
  } catch (error) {
    if (hasCode(error, NO_MIGRATIONS_TABLE)) {
      return { ready: false, problem: "unmigrated", reason: "The database has no migrations applied." };
    }
    return { ready: false, problem: "unreachable", reason: "Can't reach the database." };
  }
  if (applied === null || applied < latestMigration) {
    return {
      ready: false,
      problem: "missing-migrations",
      reason: "The database is missing migrations this version needs.",
    };
  }
  return { ready: true };
}
