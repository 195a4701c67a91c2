import path from "node:path";
import { openDatabase } from "../db/client";
import { targetFromEnv } from "../db/config";
import { syncChangedAnything } from "../db/content/sync";
import { prepareDatabase } from "../db/prepare";
import { ConfigurationError, type Env } from "../lib/server/env";
import { sessionCutoffs } from "../lib/domain/session-lifetimes";

/**
 * What every start does before the server listens, whether `npm start` or the Docker image
 * runs it: migrate and sync the roadmap content, saying what changed.
 */
export async function prepareDatabaseToServe(env: Env): Promise<void> {
  const handle = openDatabase(targetFromEnv(env));
  try {
    for (const report of await prepareDatabase(handle, sessionCutoffs(new Date()))) {
      if (syncChangedAnything(report)) {
        console.info(
          `Roadmap ${report.roadmap} synced: stages ${JSON.stringify(report.stages)}, milestones ${JSON.stringify(report.milestones)}`,
        );
      }
    }
  } finally {
    await handle.close();
  }
  console.info(
    `Database ready (${handle.driver}${handle.driver === "pglite" ? ` in ${path.resolve(env.DATA_DIR)}` : ""}).`,
  );
}

/** A configuration mistake is told in one plain message; anything else with its stack. */
export function exitOnStartFailure(error: unknown): never {
  if (error instanceof ConfigurationError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
