import { getDatabaseHandle } from "@/db/client";
import { databaseTargetFromProcess } from "@/db/config";
import { startJobs, type Jobs } from "@/lib/jobs/jobs";
import type { MailSender } from "@/lib/server/mail-transport";

/** The app's job queue on the test's own database, sending with this sender, logging nothing. */
export function startTestJobs(sender: MailSender, siteUrl: string): Promise<Jobs> {
  return startJobs({
    handle: getDatabaseHandle(),
    target: databaseTargetFromProcess(),
    sender,
    siteUrl,
    log: { info: () => {}, error: () => {} },
  });
}
