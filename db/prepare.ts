import type { DatabaseHandle } from "./client";
import { roadmapContents } from "./content";
import { syncRoadmapContent, type SyncReport } from "./content/sync";
import { migrateDatabase } from "./migrate";

/** Everything a database needs before the app serves from it: schema, then content. */
export async function prepareDatabase(handle: DatabaseHandle): Promise<SyncReport[]> {
  await migrateDatabase(handle);
  const reports: SyncReport[] = [];
  for (const content of roadmapContents) {
    reports.push(await syncRoadmapContent(handle.db, content));
  }
  return reports;
}
