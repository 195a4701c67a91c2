/*
 * `npm test`: every suite in one command — unit and integration (Vitest; Postgres too when
 * TEST_DATABASE_URL is set) then the browser journeys (Playwright) — and one closing line.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runBin } from "./run-bin";

type Counts = { passed: number; failed: number; skipped: number };

const reports = mkdtempSync(path.join(tmpdir(), "waymark-test-reports-"));

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

if (!process.env.TEST_DATABASE_URL) {
  console.info("TEST_DATABASE_URL is not set: integration tests run on the embedded database only.");
}

const vitestFile = path.join(reports, "vitest.json");
const vitestStatus = runBin("vitest", [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestFile}`,
]);
const vitest = readJson<{
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}>(vitestFile);

const playwrightFile = path.join(reports, "playwright.json");
const playwrightStatus = runBin("playwright", ["test", "--reporter=list,json"], {
  PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightFile,
});
const playwright = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(
  playwrightFile,
);

rmSync(reports, { recursive: true, force: true });

const total: Counts = {
  passed: (vitest?.numPassedTests ?? 0) + (playwright ? playwright.stats.expected + playwright.stats.flaky : 0),
  failed: (vitest?.numFailedTests ?? 0) + (playwright?.stats.unexpected ?? 0),
  skipped: (vitest ? vitest.numPendingTests + vitest.numTodoTests : 0) + (playwright?.stats.skipped ?? 0),
};
const failedToRun = [
  vitestStatus !== 0 && !vitest ? "vitest" : null,
  playwrightStatus !== 0 && !playwright ? "playwright" : null,
].filter(Boolean);
if (failedToRun.length > 0) console.error(`Could not run: ${failedToRun.join(", ")} (see the output above).`);

console.info(`\nTests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(vitestStatus !== 0 || playwrightStatus !== 0 ? 1 : 0);
