/*
 * `npm run bench:weight`: the first-load JavaScript of a page, gzipped, as a modern browser
 * downloads it — read from the build's manifests, since Next 16 no longer prints it.
 * Checks the roadmap page against its 150 KB budget and prints the others beside it.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { firstLoadFiles, type BuildManifest } from "./page-weight-files";

const root = path.resolve(import.meta.dirname, "..");
const next = path.join(root, ".next");
const BUDGET_KB = 150;
const ROUTES = ["/roadmaps/[slug]/page", "/(learner)/dashboard/page", "/mentees/(list)/page", "/bench/minimal/page"];

function clientManifest(route: string): Record<string, string[]> {
  const file = path.join(next, "server/app", `${route.replace(/^\//, "")}_client-reference-manifest.js`);
  const source = readFileSync(file, "utf8");
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  new Function("globalThis", source)(sandbox);
  return sandbox.__RSC_MANIFEST![route]!.entryJSFiles;
}

if (!existsSync(path.join(next, "BUILD_ID"))) {
  console.error("No build found: run `npm start` (or `npx next build`) first.");
  process.exit(1);
}
const buildManifest = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as BuildManifest;
let over = false;
for (const route of ROUTES) {
  const files = firstLoadFiles(buildManifest, clientManifest(route));
  const bytes = files.reduce((total, file) => total + gzipSync(readFileSync(path.join(next, file))).length, 0);
  const kilobytes = Math.round(bytes / 102.4) / 10;
  const checked = route === ROUTES[0];
  if (checked && kilobytes > BUDGET_KB) over = true;
  console.info(
    `${route.padEnd(28)} ${String(kilobytes).padStart(6)} KB gzipped in ${files.length} files${checked ? ` (budget ${BUDGET_KB} KB: ${kilobytes <= BUDGET_KB ? "met" : "MISSED"})` : ""}`,
  );
}
if (over) process.exitCode = 1;
