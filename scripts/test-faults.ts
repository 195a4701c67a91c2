/*
 * `npm run test:faults`: the runs too long for `npm test` — a longer hostile-input search on
 * both drivers and over HTTP, a database outage under load on a PostgreSQL server of the test's own, and
 * SIGKILL during writes on both drivers. `.ci/run` runs it after `npm test`.
 */
import { spawnSync } from "node:child_process";

const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function run(command: string[], env: Record<string, string> = {}): boolean {
  return spawnSync(npx, command, { stdio: "inherit", env: { ...process.env, ...env } }).status === 0;
}

const fuzzRuns = { FUZZ_RUNS: process.env.FUZZ_RUNS ?? "500" };
const fuzz = run(["vitest", "run", "--project", "integration:*", "tests/integration/hostile-input.test.ts"], fuzzRuns);
const http = run(["playwright", "test", "tests/e2e/hostile-requests.spec.ts"], fuzzRuns);
const faults = run(["playwright", "test", "--config", "playwright.faults.config.ts"]);

const verdict = (passed: boolean) => (passed ? "passed" : "FAILED");
console.info(
  `\nFault tests: hostile input ${verdict(fuzz)}; hostile HTTP ${verdict(http)}; outages and crashes ${verdict(faults)}`,
);
process.exit(fuzz && http && faults ? 0 : 1);
