import { openDatabase } from "../db/client";
import { databaseTargetFromProcess } from "../db/config";
import { syncChangedAnything } from "../db/content/sync";
import { prepareDatabase } from "../db/prepare";
import { sessionCutoffs } from "../lib/domain/session-lifetimes";

const handle = openDatabase(databaseTargetFromProcess());
try {
  const reports = await prepareDatabase(handle, sessionCutoffs(new Date()));
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
