/*
 * `npm run bench`: seeds a fresh database, starts the production build against it and
 * drives it over HTTP with autocannon, with real session cookies, next to two baselines
 * in the same app. Prints a table and writes bench/results/latest.{json,md}.
 *
 *   --learners N     learners to seed (default 10,000)
 *   --scale          1k, 10k and 100k learners in turn, and how each figure grows
 *   --smoke          a few seconds in all, to keep the benchmark working (CI)
 *   BENCH_DATABASE_URL=postgres://…  seed a new database on that server instead of the embedded one
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import cliProgress from "cli-progress";
import { asc, count, eq, inArray } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { prepareDatabase } from "../db/prepare";
import { milestones, progressEvents, roadmaps } from "../db/schema";
import { readStats, serverActionId, signInForCookie, startAppServer } from "./app-server";
import { freshDatabase } from "./fresh-database";
import {
  checkBudgets,
  compareChanges,
  median,
  renderMarkdown,
  renderScaleMarkdown,
  SCENARIOS,
  summarizeLoad,
  withRatios,
  type BenchReport,
  type LoadResult,
  type Measurement,
  type ScenarioKind,
} from "./report";
import { BENCH_PASSWORD, BIG_ROADMAP_SLUG, ROADMAP_SLUG, seedBenchData, seedBigRoadmap } from "./seed";
import { sessionCutoffs } from "../lib/domain/session-lifetimes";

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    learners: { type: "string" },
    scale: { type: "boolean", default: false },
    smoke: { type: "boolean", default: false },
    duration: { type: "string" },
    connections: { type: "string" },
    port: { type: "string", default: "3200" },
    verbose: { type: "boolean", default: false },
  },
});

type RunOptions = { learners: number; mentees: number; connections: number; durationSeconds: number };

async function loadTest(options: autocannon.Options): Promise<LoadResult> {
  return (await autocannon(options)) as unknown as LoadResult;
}

async function runOnce(options: RunOptions): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const database = await freshDatabase();
  const writers = options.connections + 1;
  try {
    const seedStart = performance.now();
    const handle = openDatabase(database.target, { logQuery: () => {} });
    let milestoneIds: string[];
    try {
      await prepareDatabase(handle, sessionCutoffs(new Date()));
      const bar = new cliProgress.SingleBar(
        { format: "Seeding learners [{bar}] {value}/{total}", hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(options.learners, 0);
      const seeded = await seedBenchData(handle.db, {
        learners: options.learners,
        mentees: options.mentees,
        writers,
        onProgress: (done) => bar.update(done),
      });
      bar.stop();
      await seedBigRoadmap(handle.db);
      console.info(`Seeded ${options.learners} learners and ${seeded.events.toLocaleString("en-US")} events.`);
      milestoneIds = (
        await handle.db
          .select({ id: milestones.id })
          .from(milestones)
          .innerJoin(roadmaps, eq(roadmaps.id, milestones.roadmapId))
          .where(eq(roadmaps.slug, ROADMAP_SLUG))
          .orderBy(asc(milestones.position))
      ).map((row) => row.id);
    } finally {
      await handle.close();
    }
    const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;

    console.info("Starting the production build…");
    const server = await startAppServer({
      port: Number(args.port),
      database: database.server,
      quiet: !args.verbose,
    });
    let measurements: Measurement[] = [];
    const acknowledged = new Map<string, number>();
    const acknowledge = (body: string) => {
      const change = /"milestoneId":"([^"]+)","status":"([a-z_]+)","changed":true/.exec(body);
      if (!change) return;
      const key = `${change[1]}:${change[2]}`;
      acknowledged.set(key, (acknowledged.get(key) ?? 0) + 1);
    };
    let peakResidentMegabytes: number | null = null;
    try {
      const base = server.baseUrl;
      const learnerCookie = await signInForCookie(
        base,
        `learner-${Math.floor(options.learners / 2)}@bench.waymark.test`,
        BENCH_PASSWORD,
      );
      const mentorCookie = await signInForCookie(base, "mentor@bench.waymark.test", BENCH_PASSWORD);
      const writerCookies = await Promise.all(
        Array.from({ length: writers }, (_, index) =>
          signInForCookie(base, `writer-${index}@bench.waymark.test`, BENCH_PASSWORD),
        ),
      );
      const actionId = serverActionId("lib/actions/progress.ts", "setMilestoneStatusAction");
      const actionHeaders = {
        "Next-Action": actionId,
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
        Origin: base,
      };

      // Each writer toggles its milestones in turn. A change the server confirms as made ("changed":
      // true) must have exactly one event; one refused or made moot by a failed earlier one has none.
      const changeFor = (step: number) => ({
        milestoneId: milestoneIds[step % milestoneIds.length]!,
        status: Math.floor(step / milestoneIds.length) % 2 === 0 ? "done" : "not_started",
      });
      const confirmChange = (status: number, body: string) => {
        if (status === 200 && body.includes('"ok":true')) acknowledge(body);
      };

      type Scenario = {
        name: string;
        kind: ScenarioKind;
        baseline: string | null;
        path: string;
        cookie: string | null;
        action?: boolean;
      };
      const roadmapPath = `/roadmaps/${ROADMAP_SLUG}`;
      const scenarios: Scenario[] = [
        {
          name: SCENARIOS.constant,
          kind: "handler",
          baseline: null,
          path: "/api/bench/constant",
          cookie: learnerCookie,
        },
        { name: SCENARIOS.minimal, kind: "page", baseline: null, path: "/bench/minimal", cookie: learnerCookie },
        {
          name: SCENARIOS.roadmap,
          kind: "page",
          baseline: SCENARIOS.minimal,
          path: roadmapPath,
          cookie: learnerCookie,
        },
        {
          name: SCENARIOS.bigRoadmap,
          kind: "page",
          baseline: SCENARIOS.minimal,
          path: `/roadmaps/${BIG_ROADMAP_SLUG}`,
          cookie: learnerCookie,
        },
        {
          name: SCENARIOS.dashboard,
          kind: "page",
          baseline: SCENARIOS.minimal,
          path: "/dashboard",
          cookie: learnerCookie,
        },
        {
          name: SCENARIOS.statusChange,
          kind: "action",
          baseline: SCENARIOS.constant,
          path: roadmapPath,
          cookie: null,
          action: true,
        },
        { name: SCENARIOS.mentor, kind: "page", baseline: SCENARIOS.minimal, path: "/mentees", cookie: mentorCookie },
        {
          name: SCENARIOS.catalogue,
          kind: "page",
          baseline: SCENARIOS.minimal,
          path: "/roadmaps?q=developer",
          cookie: learnerCookie,
        },
      ];

      const probeWriter = writers - 1;
      let probeStep = 0;
      const requestOnce = async (scenario: Scenario) => {
        if (scenario.action) {
          const response = await fetch(`${base}${scenario.path}`, {
            method: "POST",
            headers: { ...actionHeaders, Cookie: writerCookies[probeWriter]! },
            body: JSON.stringify([changeFor(probeStep)]),
          });
          confirmChange(response.status, await response.text());
          probeStep += 1;
          return;
        }
        const response = await fetch(`${base}${scenario.path}`, {
          headers: scenario.cookie ? { Cookie: scenario.cookie } : {},
        });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${scenario.name}: HTTP ${response.status} from ${scenario.path}`);
      };

      const probes = args.smoke ? 3 : 20;
      for (const scenario of scenarios) {
        for (let warm = 0; warm < 3; warm += 1) await requestOnce(scenario);
        const before = await readStats(base);
        // One request at a time: the SQL each one sends, and how long one person waits.
        const alone: number[] = [];
        for (let probe = 0; probe < probes; probe += 1) {
          const started = performance.now();
          await requestOnce(scenario);
          alone.push(performance.now() - started);
        }
        const after = await readStats(base);
        const queriesPerRequest = (after.queries - before.queries) / probes;

        let nextWriter = 0;
        const writerSteps = Array.from({ length: options.connections }, () => 0);
        const result = await loadTest({
          url: base,
          connections: options.connections,
          duration: options.durationSeconds,
          requests: [
            scenario.action
              ? {
                  method: "POST",
                  path: scenario.path,
                  // autocannon resets a connection's context after every request, so the writers'
                  // progress lives here; each request changes the next milestone of the next writer.
                  setupRequest: (request) => {
                    const writer = nextWriter++ % options.connections;
                    const step = writerSteps[writer]!;
                    writerSteps[writer] = step + 1;
                    return {
                      ...request,
                      headers: { ...actionHeaders, Cookie: writerCookies[writer]! },
                      body: JSON.stringify([changeFor(step)]),
                    };
                  },
                  onResponse: (status, body) => {
                    confirmChange(status, body);
                  },
                }
              : {
                  method: "GET",
                  path: scenario.path,
                  headers: scenario.cookie ? { Cookie: scenario.cookie } : {},
                },
          ],
        });
        measurements.push(
          summarizeLoad(scenario.name, scenario.kind, scenario.baseline, result, queriesPerRequest, median(alone)),
        );
        console.info(
          `${scenario.name}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
        );
      }
      const stats = await readStats(base);
      peakResidentMegabytes = Math.round((stats.peakResidentBytes ?? stats.residentBytes) / 1024 / 1024);
    } finally {
      await server.stop();
    }

    const check = openDatabase(database.target, { logQuery: () => {} });
    const recordedByChange = new Map<string, number>();
    try {
      const writerIds = Array.from({ length: writers }, (_, index) => `bench-writer-${index}`);
      const rows = await check.db
        .select({ milestoneId: progressEvents.milestoneId, status: progressEvents.toStatus, total: count() })
        .from(progressEvents)
        .where(inArray(progressEvents.userId, writerIds))
        .groupBy(progressEvents.milestoneId, progressEvents.toStatus);
      for (const row of rows) recordedByChange.set(`${row.milestoneId}:${row.status}`, row.total);
    } finally {
      await check.close();
    }

    measurements = withRatios(measurements);
    const statusChanges = compareChanges(acknowledged, recordedByChange);
    return {
      startedAt,
      driver: database.driver,
      learners: options.learners,
      mentees: options.mentees,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      seedSeconds,
      measurements,
      peakResidentMegabytes,
      statusChanges,
      budgets: checkBudgets(measurements, peakResidentMegabytes, statusChanges),
    };
  } finally {
    await database.dispose();
  }
}

async function main(): Promise<void> {
  const connections = Number(args.connections ?? (args.smoke ? 2 : 8));
  const durationSeconds = Number(args.duration ?? (args.smoke ? 1 : 10));
  const sizes = args.scale ? [1_000, 10_000, 100_000] : [Number(args.learners ?? (args.smoke ? 60 : 10_000))];
  const reports: BenchReport[] = [];
  for (const learners of sizes) {
    console.info(`\n— ${learners.toLocaleString("en-US")} learners —`);
    reports.push(await runOnce({ learners, mentees: Math.min(1_000, learners), connections, durationSeconds }));
    console.info(`\n${renderMarkdown(reports.at(-1)!)}`);
  }
  const resultsDir = path.join(root, "bench/results");
  mkdirSync(resultsDir, { recursive: true });
  const name = args.smoke ? "smoke" : "latest";
  writeFileSync(
    path.join(resultsDir, `${name}.json`),
    `${JSON.stringify(args.scale ? reports : reports[0], null, 2)}\n`,
  );
  writeFileSync(
    path.join(resultsDir, `${name}.md`),
    args.scale
      ? `${renderScaleMarkdown(reports)}\n${reports.map(renderMarkdown).join("\n")}`
      : renderMarkdown(reports[0]!),
  );
  if (args.scale) console.info(`\n${renderScaleMarkdown(reports)}`);
  const lost = reports.some((report) => report.statusChanges.missing > 0);
  if (lost) {
    console.error("Some acknowledged status changes are missing from the database.");
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
