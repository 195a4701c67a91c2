/*
 * `npm run test:faults`: the runs too long for `npm test` — a longer hostile-input search on
 * both drivers and over HTTP, a database outage under load on a PostgreSQL server of the test's own, and
 * SIGKILL during writes on both drivers. `.ci/run` runs it after `npm test`.
 */
import { runBin, type Bin } from "./run-bin";

const passes = (bin: Bin, args: string[], env: Record<string, string> = {}) => runBin(bin, args, env) === 0;

const fuzzRuns = { FUZZ_RUNS: process.env.FUZZ_RUNS ?? "500" };
const fuzzPassed = passes(
  "vitest",
  ["run", "--project", "integration:*", "tests/integration/hostile-input.test.ts"],
  fuzzRuns,
);
const httpPassed = passes("playwright", ["test", "tests/e2e/hostile-requests.spec.ts"], fuzzRuns);
const faultsPassed = passes("playwright", ["test", "--config", "playwright.faults.config.ts"]);

const verdict = (passed: boolean) => (passed ? "passed" : "FAILED");
console.info(
  `\nFault tests: hostile input ${verdict(fuzzPassed)}; hostile HTTP ${verdict(httpPassed)}; outages and crashes ${verdict(faultsPassed)}`,
);
process.exit(fuzzPassed && httpPassed && faultsPassed ? 0 : 1);
