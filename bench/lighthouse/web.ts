/*
 * `npm run bench:web`: Lighthouse (mobile: emulated phone, simulated slow 4G and CPU) on the
 * roadmap page and the dashboard of a signed-in learner, in the system's Chromium, against
 * the production build on a freshly seeded database. Prints the scores against the budgets
 * and writes bench/results/web.{json,md}. Budgets are reported, not asserted.
 *
 *   --runs N   runs per page (default 3); the median performance score counts
 *   CHROME_PATH=/path/to/chromium   another browser than /usr/bin/chromium
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { openDatabase } from "../../db/client";
import { prepareDatabase } from "../../db/prepare";
import { signInForCookie, startAppServer } from "../app-server";
import { freshDatabase } from "../fresh-database";
import { median } from "../report";
import { BENCH_PASSWORD, ROADMAP_SLUG, seedBenchData } from "../seed";
import { checkWebBudgets, renderWebMarkdown, type PageScores } from "../web-report";
import { sessionCutoffs } from "../../lib/domain/session-lifetimes";

const root = path.resolve(import.meta.dirname, "../..");
const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    port: { type: "string", default: "3201" },
  },
});
const runs = Math.max(1, Number(args.runs));
const PAGES = [
  { name: "Roadmap page", path: `/roadmaps/${ROADMAP_SLUG}` },
  { name: "Dashboard", path: "/dashboard" },
];
const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;

async function main() {
  const database = await freshDatabase();
  try {
    const handle = openDatabase(database.target, { logQuery: () => {} });
    try {
      await prepareDatabase(handle, sessionCutoffs(new Date()));
      // A learner part-way through, with history: pages as a real learner sees them.
      await seedBenchData(handle.db, { learners: 200, mentees: 20, writers: 1 });
    } finally {
      await handle.close();
    }
    console.info("Starting the production build…");
    const server = await startAppServer({ port: Number(args.port), database: database.server, quiet: true });
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
    });
    try {
      const cookie = await signInForCookie(server.baseUrl, "learner-100@bench.waymark.test", BENCH_PASSWORD);
      const results: PageScores[] = [];
      for (const page of PAGES) {
        const scores: Record<(typeof CATEGORIES)[number], number>[] = [];
        const metricRuns: PageScores["metrics"][] = [];
        const failing = new Set<string>();
        for (let run = 0; run < runs; run++) {
          const result = await lighthouse(`${server.baseUrl}${page.path}`, {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: [...CATEGORIES],
            extraHeaders: { Cookie: cookie },
          });
          if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
          const { categories, audits, finalDisplayedUrl } = result.lhr;
          if (new URL(finalDisplayedUrl).pathname !== page.path) {
            throw new Error(`${page.path} ended at ${finalDisplayedUrl}: was the learner signed in?`);
          }
          scores.push(
            Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)])) as Record<
              (typeof CATEGORIES)[number],
              number
            >,
          );
          const numeric = (id: string) => Math.round((audits[id]?.numericValue ?? 0) * 1000) / 1000;
          metricRuns.push({
            firstContentfulPaintMs: Math.round(numeric("first-contentful-paint")),
            largestContentfulPaintMs: Math.round(numeric("largest-contentful-paint")),
            totalBlockingTimeMs: Math.round(numeric("total-blocking-time")),
            cumulativeLayoutShift: numeric("cumulative-layout-shift"),
            speedIndexMs: Math.round(numeric("speed-index")),
            largestContentfulPaintElement: lcpElementOf(audits["lcp-breakdown-insight"]?.details),
          });
          for (const id of CATEGORIES.slice(1)) {
            for (const ref of categories[id]?.auditRefs ?? []) {
              const audit = audits[ref.id];
              if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
                failing.add(`${ref.id}: ${audit.title}`);
            }
          }
        }
        const pageScores: PageScores = {
          name: page.name,
          path: page.path,
          performance: median(scores.map((score) => score.performance)),
          accessibility: Math.min(...scores.map((score) => score.accessibility)),
          bestPractices: Math.min(...scores.map((score) => score["best-practices"])),
          performanceRuns: scores.map((score) => score.performance),
          metrics:
            metricRuns[scores.findIndex((score) => score.performance === median(scores.map((s) => s.performance)))] ??
            metricRuns[0]!,
          failingAudits: [...failing],
        };
        console.info(
          `${page.name}: performance ${pageScores.performance} (runs ${pageScores.performanceRuns.join(", ")}), accessibility ${pageScores.accessibility}, best practices ${pageScores.bestPractices}; ${JSON.stringify(pageScores.metrics)}`,
        );
        results.push(pageScores);
      }
      const report = { startedAt: new Date().toISOString(), runs, pages: results, budgets: checkWebBudgets(results) };
      const markdown = renderWebMarkdown(report);
      const dir = path.join(root, "bench/results");
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "web.json"), `${JSON.stringify(report, null, 2)}\n`);
      writeFileSync(path.join(dir, "web.md"), markdown);
      console.info(`\n${markdown}`);
    } finally {
      chrome.kill();
      await server.stop();
    }
  } finally {
    await database.dispose();
  }
}

/** The element Lighthouse took for the largest paint, as its selector: what to look at when LCP is slow. */
function lcpElementOf(details: unknown): string {
  const list = details as { items?: { type?: string; selector?: string }[] } | undefined;
  return list?.items?.find((item) => item.type === "node")?.selector ?? "unknown";
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
