import { getEnv } from "../lib/env";
import { openDatabase, targetFromEnv } from "./client";
import { syncChangedAnything } from "./content/sync";
import { prepareDatabase } from "./prepare";

const handle = openDatabase(targetFromEnv(getEnv()));
try {
  const reports = await prepareDatabase(handle);
  console.info(`Migrations applied on ${handle.driver}.`);
  for (const report of reports) {
    console.info(
      syncChangedAnything(report)
        ? `Content ${report.roadmap}: stages ${JSON.stringify(report.stages)}, milestones ${JSON.stringify(report.milestones)}`
        : `Content ${report.roadmap}: up to date.`,
    );
  }
} finally {
  await handle.close();
}
