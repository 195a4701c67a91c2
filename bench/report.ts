/*
 * Turning load-test results into the figures the issue asks for, and checking them against
 * the budgets. Pure functions: no network, no database.
 */

export type ScenarioKind = "page" | "handler" | "action";

export type LoadResult = {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
};

export type Measurement = {
  name: string;
  kind: ScenarioKind;
  /** The baseline scenario this one is compared with; null for the baselines themselves. */
  baseline: string | null;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** The median of requests sent one at a time, with nothing else running: one person's wait. */
  aloneP50Ms: number;
  errors: number;
  queriesPerRequest: number | null;
  ratioToBaseline: number | null;
};

export type BenchReport = {
  startedAt: string;
  driver: "pglite" | "postgres";
  learners: number;
  mentees: number;
  connections: number;
  durationSeconds: number;
  seedSeconds: number;
  measurements: Measurement[];
  peakResidentMegabytes: number | null;
  statusChanges: StatusChangeCheck;
  budgets: BudgetCheck[];
};

/**
 * Changes the app confirmed against the events in the database, per milestone and status.
 * More events than confirmations is expected (requests cut off when the run stopped);
 * a confirmed change without its event is a lost write.
 */
export type StatusChangeCheck = { acknowledged: number; recorded: number; missing: number };

export function compareChanges(acknowledged: Map<string, number>, recorded: Map<string, number>): StatusChangeCheck {
  let missing = 0;
  for (const [change, times] of acknowledged) missing += Math.max(0, times - (recorded.get(change) ?? 0));
  const sum = (counts: Map<string, number>) => [...counts.values()].reduce((total, value) => total + value, 0);
  return { acknowledged: sum(acknowledged), recorded: sum(recorded), missing };
}

export type BudgetCheck = { budget: string; measured: string; met: boolean };

export function summarizeLoad(
  name: string,
  kind: ScenarioKind,
  baseline: string | null,
  result: LoadResult,
  queriesPerRequest: number | null,
  aloneP50Ms: number,
): Measurement {
  return {
    name,
    kind,
    baseline,
    requestsPerSecond: round(result.requests.average, 1),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    aloneP50Ms: round(aloneP50Ms, 1),
    errors: result.errors + result.timeouts + result.non2xx,
    queriesPerRequest: queriesPerRequest === null ? null : round(queriesPerRequest, 2),
    ratioToBaseline: null,
  };
}

/** Each scenario's throughput as a share of its baseline's, measured in the same run. */
export function withRatios(measurements: Measurement[]): Measurement[] {
  const byName = new Map(measurements.map((measurement) => [measurement.name, measurement]));
  return measurements.map((measurement) => {
    const baseline = measurement.baseline ? byName.get(measurement.baseline) : undefined;
    return {
      ...measurement,
      ratioToBaseline:
        baseline && baseline.requestsPerSecond > 0
          ? round(measurement.requestsPerSecond / baseline.requestsPerSecond, 2)
          : null,
    };
  });
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const SCENARIOS = {
  constant: "Baseline: constant route handler",
  minimal: "Baseline: minimal dynamic page",
  roadmap: "Roadmap page",
  bigRoadmap: "Roadmap page, 300 milestones",
  dashboard: "Dashboard",
  statusChange: "Status change (server action)",
  mentor: "Mentor dashboard, 1,000 mentees",
  catalogue: "Roadmap catalogue",
} as const;

function percent(ratio: number | null): string {
  return ratio === null ? "–" : `${Math.round(ratio * 100)}%`;
}

/** A page that reads the database sends at least one statement: none counted means counting failed. */
const countedAtMost = (queries: number | null, most: number) => queries !== null && queries > 0 && queries <= most;

/** The issue's budgets, each with the figure measured against it. */
export function checkBudgets(
  measurements: Measurement[],
  peakResidentMegabytes: number | null,
  statusChanges: BenchReport["statusChanges"],
): BudgetCheck[] {
  const find = (name: string) => measurements.find((measurement) => measurement.name === name);
  const checks: BudgetCheck[] = [];
  const roadmap = find(SCENARIOS.roadmap);
  if (roadmap) {
    checks.push({
      budget: "Roadmap page ≥ 75% of the minimal page's throughput",
      measured: percent(roadmap.ratioToBaseline),
      met: (roadmap.ratioToBaseline ?? 0) >= 0.75,
    });
    checks.push({
      budget: "Roadmap page ≤ 3 SQL queries",
      measured: String(roadmap.queriesPerRequest ?? "–"),
      met: countedAtMost(roadmap.queriesPerRequest, 3),
    });
  }
  const bigRoadmap = find(SCENARIOS.bigRoadmap);
  if (bigRoadmap) {
    checks.push({
      budget: "Roadmap page of 300 milestones ≤ 3 SQL queries",
      measured: String(bigRoadmap.queriesPerRequest ?? "–"),
      met: countedAtMost(bigRoadmap.queriesPerRequest, 3),
    });
  }
  const change = find(SCENARIOS.statusChange);
  if (change) {
    checks.push({
      budget: "Status change ≥ 60% of the constant handler's throughput",
      measured: percent(change.ratioToBaseline),
      met: (change.ratioToBaseline ?? 0) >= 0.6,
    });
    checks.push({
      budget: "Status change p99 < 50 ms",
      measured: `${change.latencyP99Ms} ms`,
      met: change.latencyP99Ms < 50,
    });
    checks.push({
      budget: "Every acknowledged status change recorded",
      measured: `${statusChanges.acknowledged - statusChanges.missing} of ${statusChanges.acknowledged} (${statusChanges.recorded} events)`,
      met: statusChanges.missing === 0,
    });
  }
  const mentor = find(SCENARIOS.mentor);
  if (mentor) {
    checks.push({
      budget: "Mentor dashboard p50 < 30 ms (one request at a time)",
      measured: `${mentor.aloneP50Ms} ms (${mentor.latencyP50Ms} ms under load)`,
      met: mentor.aloneP50Ms < 30,
    });
    checks.push({
      budget: "Mentor dashboard ≤ 2 SQL queries",
      measured: String(mentor.queriesPerRequest ?? "–"),
      met: countedAtMost(mentor.queriesPerRequest, 2),
    });
  }
  const catalogue = find(SCENARIOS.catalogue);
  if (catalogue) {
    checks.push({
      budget: "Roadmap catalogue ≤ 2 SQL statements",
      measured: String(catalogue.queriesPerRequest ?? "–"),
      met: catalogue.queriesPerRequest !== null && catalogue.queriesPerRequest <= 2,
    });
  }
  checks.push({
    budget: "Server memory < 300 MB resident",
    measured: peakResidentMegabytes === null ? "–" : `${peakResidentMegabytes} MB`,
    met: peakResidentMegabytes !== null && peakResidentMegabytes < 300,
  });
  return checks;
}

export function renderMarkdown(report: BenchReport): string {
  const rows = report.measurements.map(
    (m) =>
      `| ${m.name} | ${m.requestsPerSecond} | ${m.latencyP50Ms} | ${m.latencyP99Ms} | ${m.aloneP50Ms} | ${m.errors} | ${percent(m.ratioToBaseline)} | ${m.queriesPerRequest ?? "–"} |`,
  );
  const budgets = report.budgets.map((check) => `| ${check.met ? "✅" : "❌"} ${check.budget} | ${check.measured} |`);
  return [
    `# Waymark benchmark — ${report.startedAt}`,
    "",
    `${report.driver}, ${report.learners.toLocaleString("en-US")} learners, a mentor of ${report.mentees.toLocaleString("en-US")}, ` +
      `${report.connections} connections × ${report.durationSeconds} s per scenario; seeding took ${report.seedSeconds} s; ` +
      `server peak memory ${report.peakResidentMegabytes ?? "–"} MB resident.`,
    "",
    "| Scenario | Requests/s | p50 ms | p99 ms | p50 alone ms | Errors | vs baseline | SQL/request |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    "| Budget | Measured |",
    "| --- | --- |",
    ...budgets,
    "",
  ].join("\n");
}

/** How each figure grows from the smallest data set to the largest, for `--scale`. */
export function renderScaleMarkdown(reports: BenchReport[]): string {
  const names = reports[0]?.measurements.map((measurement) => measurement.name) ?? [];
  const header = `| Scenario | ${reports.map((report) => `${report.learners.toLocaleString("en-US")} learners: req/s · p50 · SQL`).join(" | ")} |`;
  const rows = names.map((name) => {
    const cells = reports.map((report) => {
      const m = report.measurements.find((measurement) => measurement.name === name);
      return m ? `${m.requestsPerSecond} · ${m.latencyP50Ms} ms · ${m.queriesPerRequest ?? "–"}` : "–";
    });
    return `| ${name} | ${cells.join(" | ")} |`;
  });
  const memory = `| Peak memory | ${reports.map((report) => `${report.peakResidentMegabytes ?? "–"} MB`).join(" | ")} |`;
  return [
    "# Waymark benchmark at scale",
    "",
    header,
    `| --- | ${reports.map(() => "---:").join(" | ")} |`,
    ...rows,
    memory,
    "",
  ].join("\n");
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
