import type { BudgetCheck } from "./report";

export type PageScores = {
  name: string;
  path: string;
  /** The median of the runs: the simulated throttling makes single runs vary by a few points. */
  performance: number;
  /** The lowest of the runs: one failing run is a real finding. */
  accessibility: number;
  bestPractices: number;
  performanceRuns: number[];
  /** Lighthouse's metrics in the run whose performance score is the median (the first if none is). */
  metrics: {
    firstContentfulPaintMs: number;
    largestContentfulPaintMs: number;
    totalBlockingTimeMs: number;
    cumulativeLayoutShift: number;
    speedIndexMs: number;
    largestContentfulPaintElement: string;
  };
  /** Accessibility and best-practice audits that did not pass, as "id: title". */
  failingAudits: string[];
};

export type WebReport = { startedAt: string; runs: number; pages: PageScores[]; budgets: BudgetCheck[] };

export function checkWebBudgets(pages: PageScores[]): BudgetCheck[] {
  return pages.flatMap((page) => [
    { budget: `${page.name}: performance ≥ 95`, measured: String(page.performance), met: page.performance >= 95 },
    {
      budget: `${page.name}: accessibility 100`,
      measured: String(page.accessibility),
      met: page.accessibility === 100,
    },
    {
      budget: `${page.name}: best practices 100`,
      measured: String(page.bestPractices),
      met: page.bestPractices === 100,
    },
  ]);
}

export function renderWebMarkdown(report: WebReport): string {
  const failing = report.pages.flatMap((page) => page.failingAudits.map((audit) => `- ${page.name}: ${audit}`));
  return [
    `# Waymark Lighthouse — ${report.startedAt}`,
    "",
    `Mobile (Lighthouse's default emulation and simulated throttling), ${report.runs} run(s) per page, signed in as a learner.`,
    "",
    "| Page | Performance (runs) | Accessibility | Best practices | FCP ms | LCP ms | TBT ms | CLS | Speed index ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...report.pages.map(
      ({ metrics, ...page }) =>
        `| ${page.name} (${page.path}) | ${page.performance} (${page.performanceRuns.join(", ")}) | ${page.accessibility} | ${page.bestPractices} | ` +
        `${metrics.firstContentfulPaintMs} | ${metrics.largestContentfulPaintMs} | ${metrics.totalBlockingTimeMs} | ${metrics.cumulativeLayoutShift} | ${metrics.speedIndexMs} |`,
    ),
    "",
    "| Budget | Measured |",
    "| --- | --- |",
    ...report.budgets.map((check) => `| ${check.met ? "✅" : "❌"} ${check.budget} | ${check.measured} |`),
    "",
    ...report.pages.map(
      (page) => `Largest contentful paint on the ${page.name}: \`${page.metrics.largestContentfulPaintElement}\``,
    ),
    "",
    ...(failing.length > 0 ? ["Audits not passed:", "", ...failing, ""] : []),
  ].join("\n");
}
