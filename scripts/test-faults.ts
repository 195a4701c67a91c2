/*
 * `npm run test:faults`: the runs too long for `npm test` — a longer hostile-input search on
 * both drivers, a database outage under load on a PostgreSQL server of the test's own, and
 * SIGKILL during writes on both drivers. `.ci/run` runs it after `npm test`.
 */
import { spawnSync } from "node:child_process";

const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function run(command: string[], env: Record<string, string> = {}): boolean {
  return spawnSync(npx, command, { stdio: "inherit", env: { ...process.env, ...env } }).status === 0;
}

const fuzz = run(["vitest", "run", "--project", "integration:*", "tests/integration/hostile-input.test.ts"], {
  FUZZ_RUNS: process.env.FUZZ_RUNS ?? "500",
});
const faults = run(["playwright", "test", "--config", "playwright.faults.config.ts"]);

console.info(
  `\nFault tests: hostile input ${fuzz ? "passed" : "FAILED"}; outages and crashes ${faults ? "passed" : "FAILED"}`,
);
process.exit(fuzz && faults ? 0 : 1);
