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
    "| Page | Performance (runs) | Accessibility | Best practices |",
    "| --- | ---: | ---: | ---: |",
    ...report.pages.map(
      (page) =>
        `| ${page.name} (${page.path}) | ${page.performance} (${page.performanceRuns.join(", ")}) | ${page.accessibility} | ${page.bestPractices} |`,
    ),
    "",
    "| Budget | Measured |",
    "| --- | --- |",
    ...report.budgets.map((check) => `| ${check.met ? "✅" : "❌"} ${check.budget} | ${check.measured} |`),
    "",
    ...(failing.length > 0 ? ["Audits not passed:", "", ...failing, ""] : []),
  ].join("\n");
}
