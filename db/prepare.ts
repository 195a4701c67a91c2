import { lt, or } from "drizzle-orm";
import type { DatabaseHandle } from "./client";
import { loadBuiltInRoadmaps } from "./content";
import { syncRoadmapContent, type SyncReport } from "./content/sync";
import { migrateDatabase } from "./migrate";
import { rateLimits, userSessions } from "./schema";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Sessions are live while last seen after one time and started after another. */
type SessionCutoffs = { lastSeenAfter: Date; startedAfter: Date };

/**
 * Everything a database needs before the app serves from it: schema, then content. Abuse
 * limit windows last an hour at most, so any older than a day are swept here, at each start,
 * with the sessions that have outlived their lifetimes (no request accepts them any more).
 * The caller passes those lifetimes' cutoffs (lib/domain/session-lifetimes.ts): db/ needs
 * nothing from lib/.
 */
export async function prepareDatabase(
  handle: DatabaseHandle,
  { lastSeenAfter, startedAfter }: SessionCutoffs,
): Promise<SyncReport[]> {
  await migrateDatabase(handle);
  const reports: SyncReport[] = [];
  for (const content of loadBuiltInRoadmaps()) {
    reports.push(await syncRoadmapContent(handle.db, content));
  }
  await handle.db.delete(rateLimits).where(lt(rateLimits.windowStartedAt, new Date(Date.now() - DAY_MS)));
  await handle.db
    .delete(userSessions)
    .where(or(lt(userSessions.lastSeenAt, lastSeenAfter), lt(userSessions.createdAt, startedAfter)));
  return reports;
}
