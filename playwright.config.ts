import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, defineConfig, type PlaywrightTestConfig } from "@playwright/test";

/** The system Chromium is preferred: this machine cannot download Playwright's own build. */
function findChromium(): string {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_PATH, "/usr/bin/chromium", chromium.executablePath()];
  const found = candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
  if (!found) {
    throw new Error(
      "No Chromium found for the browser tests. Install one (Debian/Ubuntu: apt-get install -y chromium), " +
        "or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium binary, or run `npx playwright install chromium` where downloads work.",
    );
  }
  return found;
}

const port = Number(process.env.E2E_PORT ?? 3100);
/** A server already running elsewhere (a deployment, `npm run test:standalone`): only the smoke journey runs there. */
const externalBaseUrl = process.env.E2E_BASE_URL;

/** The production server on the embedded database, started for this run through `npm start`. */
function ownServer(): PlaywrightTestConfig["webServer"] {
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
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  globalTeardown: "tests/e2e/global-teardown.ts",
  use: {
    baseURL: externalBaseUrl ?? `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: externalBaseUrl ? undefined : ownServer(),
});
