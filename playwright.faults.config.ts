import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/e2e/chromium";

/*
 * `npm run test:faults`: the slow fault runs. Each test starts the app (and, for outages, a
 * PostgreSQL server) itself, so there is no shared web server, and they run one at a time.
 */
export default defineConfig({
  testDir: "tests/faults",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 600_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  use: { trace: "retain-on-failure", launchOptions: chromiumLaunchOptions() },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
