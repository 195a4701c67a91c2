import "server-only";
import { getDatabaseHandle } from "../../db/client";
import { databaseTargetFromProcess } from "../../db/config";
import { emailIsOff, getEnv, publicBaseUrl } from "../server/env";
import { logger } from "../server/logger";
import { createMailSender } from "../server/mail-transport";
import { startJobs, type Jobs } from "./jobs";

const RETRY_START_MS = 30_000;

/* One queue per process, kept on globalThis: Next may evaluate this module in more than one bundle. */
const globalForJobs = globalThis as typeof globalThis & { waymarkJobs?: Jobs };

/**
 * Starts this server's jobs. A database that is down at start delays them, it does not stop the
 * server: they are tried again every 30 s.
 */
export async function startAppJobs(): Promise<void> {
  if (globalForJobs.waymarkJobs) return;
  const env = getEnv();
  if (emailIsOff(env)) {
    logger.warn("Email is off: SMTP_URL is not set, so mails are only written to DATA_DIR/outbox on this server");
  }
  try {
    globalForJobs.waymarkJobs = await startJobs({
      handle: getDatabaseHandle(),
      target: databaseTargetFromProcess(),
      sender: createMailSender(env, (message) => logger.info(message)),
      siteUrl: publicBaseUrl(env),
      log: { info: (message) => logger.info(message), error: (err, message) => logger.error({ err }, message) },
    });
  } catch (error) {
    logger.error({ err: error }, "jobs could not start; trying again in 30 s");
    setTimeout(() => void startAppJobs(), RETRY_START_MS).unref();
  }
}

/** After a change that queued mail: delivery starts now. Never fails the change; the minute's sweep is the fallback. */
export async function wakeMailDelivery(): Promise<void> {
  try {
    await globalForJobs.waymarkJobs?.wakeMailDelivery();
  } catch (error) {
    logger.warn({ err: error }, "could not wake mail delivery; the next sweep sends it");
  }
}
