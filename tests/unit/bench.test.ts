import { describe, expect, it } from "vitest";
import {
  checkBudgets,
  compareChanges,
  median,
  renderMarkdown,
  SCENARIOS,
  summarizeLoad,
  withRatios,
  type BenchReport,
} from "@/bench/report";
import { firstLoadFiles } from "@/bench/page-weight-files";
import { planLearner, randomSource } from "@/bench/seed-plan";
import { checkWebBudgets, renderWebMarkdown, type PageScores } from "@/bench/web-report";
import type { MilestoneStatus } from "@/lib/domain/progress-math";

const milestoneIds = Array.from({ length: 28 }, (_, index) => `m${index}`);
const now = new Date("2026-11-21T12:00:00Z");

describe("the benchmark's data set", () => {
  it("is the same for the same seed", () => {
    const first = planLearner(randomSource(7), milestoneIds, now);
    const second = planLearner(randomSource(7), milestoneIds, now);
    expect(second).toEqual(first);
  });

  it("gives each learner events that replay exactly into their statuses, in time order, never in the future", () => {
    const random = randomSource(42);
    for (let learner = 0; learner < 500; learner += 1) {
      const plan = planLearner(random, milestoneIds, now);
      const replayed = new Map<string, MilestoneStatus>();
      let last = 0;
      for (const event of plan.events) {
        expect(event.from).toBe(replayed.get(event.milestoneId) ?? "not_started");
        expect(event.at.getTime()).toBeGreaterThanOrEqual(last);
        expect(event.at.getTime()).toBeLessThanOrEqual(now.getTime());
        last = event.at.getTime();
        replayed.set(event.milestoneId, event.to);
      }
      expect(Object.fromEntries(replayed)).toEqual(
        Object.fromEntries(plan.progress.map((row) => [row.milestoneId, row.status])),
      );
      expect(plan.startedAt).toEqual(plan.events[0]?.at ?? null);
    }
  });

  it("spreads learners from untouched to finished, most of them early on", () => {
    const random = randomSource(1);
    const done = Array.from(
      { length: 2_000 },
      () => planLearner(random, milestoneIds, now).progress.filter((row) => row.status === "done").length,
    );
    expect(done.filter((count) => count === 0).length).toBeGreaterThan(100);
    expect(done.some((count) => count >= 25)).toBe(true);
    const median = [...done].sort((a, b) => a - b)[1_000]!;
    expect(median).toBeLessThan(14);
  });
});

describe("the benchmark's report", () => {
  const load = (rps: number, p50: number, p99: number) => ({
    requests: { average: rps },
    latency: { p50, p99 },
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    "2xx": rps,
  });

  it("compares each scenario with its baseline from the same run", () => {
    const measurements = withRatios([
      summarizeLoad(SCENARIOS.minimal, "page", null, load(200, 5, 9), 2, 4),
      summarizeLoad(SCENARIOS.roadmap, "page", SCENARIOS.minimal, load(150, 7, 12), 3, 4),
    ]);
    expect(measurements.map((m) => m.ratioToBaseline)).toEqual([null, 0.75]);
  });

  it("takes the median of requests sent one at a time", () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
  });

  it("finds a confirmed change without its event, and does not mind extra events", () => {
    expect(compareChanges(new Map([["a:done", 2]]), new Map([["a:done", 3]]))).toEqual({
      acknowledged: 2,
      recorded: 3,
      missing: 0,
    });
    expect(
      compareChanges(
        new Map([
          ["a:done", 2],
          ["b:done", 1],
        ]),
        new Map([["a:done", 1]]),
      ),
    ).toMatchObject({
      missing: 2,
    });
  });

  it("checks the budgets and prints them with the table", () => {
    const measurements = withRatios([
      summarizeLoad(SCENARIOS.constant, "handler", null, load(1_000, 1, 3), 0, 4),
      summarizeLoad(SCENARIOS.minimal, "page", null, load(200, 5, 9), 2, 4),
      summarizeLoad(SCENARIOS.roadmap, "page", SCENARIOS.minimal, load(160, 7, 12), 3, 4),
      summarizeLoad(SCENARIOS.statusChange, "action", SCENARIOS.constant, load(500, 8, 60), 4, 4),
      summarizeLoad(SCENARIOS.mentor, "page", SCENARIOS.minimal, load(100, 25, 40), 2, 4),
      summarizeLoad(SCENARIOS.catalogue, "page", SCENARIOS.minimal, load(150, 8, 14), 3, 4),
    ]);
    const statusChanges = { acknowledged: 10, recorded: 10, missing: 0 };
    const budgets = checkBudgets(measurements, 250, statusChanges);
    expect(budgets.filter((check) => !check.met).map((check) => check.budget)).toEqual([
      "Status change ≥ 60% of the constant handler's throughput",
      "Status change p99 < 50 ms",
      "Roadmap catalogue ≤ 2 SQL statements",
    ]);
    const report: BenchReport = {
      startedAt: now.toISOString(),
      driver: "postgres",
      learners: 10_000,
      mentees: 1_000,
      connections: 8,
      durationSeconds: 10,
      seedSeconds: 12.5,
      measurements,
      peakResidentMegabytes: 250,
      statusChanges,
      budgets,
    };
    const markdown = renderMarkdown(report);
    expect(markdown).toContain("| Roadmap page | 160 | 7 | 12 | 4 | 0 | 80% | 3 |");
    expect(markdown).toContain("| ❌ Status change p99 < 50 ms | 60 ms |");
  });

  it("counts a page that sent no SQL as a failed count, not a budget met", () => {
    const measurements = withRatios([
      summarizeLoad(SCENARIOS.minimal, "page", null, load(200, 5, 9), 0, 4),
      summarizeLoad(SCENARIOS.roadmap, "page", SCENARIOS.minimal, load(160, 7, 12), 0, 4),
    ]);
    const budgets = checkBudgets(measurements, 250, { acknowledged: 0, recorded: 0, missing: 0 });
    expect(budgets.find((check) => check.budget === "Roadmap page ≤ 3 SQL queries")?.met).toBe(false);
  });
});

describe("the first-load script of a page", () => {
  it("is the root bundles and the route's chunks, once each, without polyfills or the root error page", () => {
    const files = firstLoadFiles(
      {
        rootMainFiles: ["static/chunks/root.js", "static/chunks/runtime.js"],
        polyfillFiles: ["static/chunks/poly.js"],
      },
      {
        "[project]/app/layout": ["static/chunks/root.js", "static/chunks/layout.js", "static/chunks/layout.css"],
        "[project]/app/global-error": ["static/chunks/global-error.js"],
        "[project]/app/roadmaps/[slug]/page": [
          "static/chunks/layout.js",
          "static/chunks/page.js",
          "static/chunks/poly.js",
        ],
      },
    );
    expect(files).toEqual([
      "static/chunks/layout.js",
      "static/chunks/page.js",
      "static/chunks/root.js",
      "static/chunks/runtime.js",
    ]);
  });
});

describe("the Lighthouse report", () => {
  const page = (overrides: Partial<PageScores>): PageScores => ({
    name: "Roadmap page",
    path: "/roadmaps/backend-developer",
    performance: 97,
    accessibility: 100,
    bestPractices: 100,
    performanceRuns: [96, 97, 99],
    metrics: {
      firstContentfulPaintMs: 900,
      largestContentfulPaintMs: 1800,
      totalBlockingTimeMs: 120,
      cumulativeLayoutShift: 0,
      speedIndexMs: 1500,
      largestContentfulPaintElement: "main > header > h1",
    },
    failingAudits: [],
    ...overrides,
  });

  it("meets the budgets at 95 for performance and 100 for the rest, and misses them below", () => {
    expect(checkWebBudgets([page({})]).every((check) => check.met)).toBe(true);
    const missed = checkWebBudgets([
      page({ performance: 94, accessibility: 98, failingAudits: ["color-contrast: …"] }),
    ]);
    expect(missed.filter((check) => !check.met).map((check) => check.budget)).toEqual([
      "Roadmap page: performance ≥ 95",
      "Roadmap page: accessibility 100",
    ]);
  });

  it("lists each page's runs and the audits that did not pass", () => {
    const pages = [page({ accessibility: 98, failingAudits: ["color-contrast: Contrast is too low"] })];
    const markdown = renderWebMarkdown({ startedAt: "2026-11-22", runs: 3, pages, budgets: checkWebBudgets(pages) });
    expect(markdown).toContain(
      "| Roadmap page (/roadmaps/backend-developer) | 97 (96, 97, 99) | 98 | 100 | 900 | 1800 | 120 | 0 | 1500 |",
    );
    expect(markdown).toContain("| ❌ Roadmap page: accessibility 100 | 98 |");
    expect(markdown).toContain("- Roadmap page: color-contrast: Contrast is too low");
  });
});
