import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";

type WebServer = Extract<NonNullable<PlaywrightTestConfig["webServer"]>, unknown[]>[number];
import { chromiumLaunchOptions } from "./tests/e2e/chromium";

/**
 * A port nobody is listening on, asked of the system; another copy of the app or of this suite may
 * hold any fixed one. Synchronous because the config is: a short child process binds port 0.
 */
function freePort(): string {
  const script =
    "const server = require('node:net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(server.address().port)); server.close(); });";
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim();
}

// Set once in the main process so that workers, which re-read this file, agree on it.
process.env.E2E_PORT ??= freePort();
const port = Number(process.env.E2E_PORT);
// The mail server the app sends to, and the HTTP port tests read received mail from.
process.env.MAIL_CATCHER_SMTP_PORT ??= freePort();
process.env.MAIL_CATCHER_HTTP_PORT ??= freePort();

/** A server already running elsewhere (a deployment, `npm run test:standalone`): only the smoke journey runs there. */
const externalBaseUrl = process.env.E2E_BASE_URL;

/** A real SMTP server (tests/mail/mail-catcher-server.ts) that every mail of the run arrives at. */
function mailCatcher(): WebServer {
  return {
    command: "npx tsx tests/mail/mail-catcher-server.ts",
    url: `http://127.0.0.1:${process.env.MAIL_CATCHER_HTTP_PORT}/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    env: {
      MAIL_CATCHER_SMTP_PORT: process.env.MAIL_CATCHER_SMTP_PORT!,
      MAIL_CATCHER_HTTP_PORT: process.env.MAIL_CATCHER_HTTP_PORT!,
    },
  };
}

/** The production server on the embedded database, started for this run through `npm start`. */
function ownServer(): WebServer {
  // Set once in the main process so that workers, which re-read this file, agree on it.
  process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "waymark-e2e-"));
  return {
    command: "npx tsx scripts/start.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: process.env.E2E_DATA_DIR,
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
      SMTP_URL: `smtp://127.0.0.1:${process.env.MAIL_CATCHER_SMTP_PORT}`,
      // As behind one proxy: each test says where it comes from in X-Forwarded-For (tests/e2e/fixtures.ts).
      TRUST_PROXY: "1",
      // The logs spec reads everything the server wrote back from here.
      WAYMARK_LOG_FILE: path.join(process.env.E2E_DATA_DIR, "server.log"),
    },
  };
}

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: externalBaseUrl ? "smoke.spec.ts" : undefined,
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  // Limits that catch a hang, not a slow machine: a two-person journey took over 30 s on a loaded CI host.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  globalTeardown: "tests/e2e/global-teardown.ts",
  use: {
    baseURL: externalBaseUrl ?? `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: externalBaseUrl ? undefined : [mailCatcher(), ownServer()],
});
