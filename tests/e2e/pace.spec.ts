import type { Page } from "@playwright/test";
import { expect, nextSave, ROADMAP, test } from "./fixtures";

const FIRST_MILESTONE = "Understand how the web works";

/** Ticks the first milestone, which starts the roadmap, and opens the dashboard on its card. */
async function startRoadmap(page: Page) {
  await page.goto(ROADMAP);
  const saved = nextSave(page);
  await page.getByRole("checkbox", { name: FIRST_MILESTONE }).check();
  await saved;
  await page.goto("/dashboard");
  return page.getByRole("region", { name: "Backend Developer" });
}

/** How the dashboard writes a day: "Jul 1, 2026". */
const shown = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });

test("a new learner sees 'Too early to project' and what a projection needs", async ({ page, learner }) => {
  void learner;
  const card = await startRoadmap(page);
  await expect(
    card.getByText(
      "Too early to project. Finish 2 more milestones and keep going for 13 more days to see a projected finish.",
    ),
  ).toBeVisible();
  const pace = card.getByRole("table", { name: "Your pace against the stage windows" });
  await expect(pace.getByRole("row", { name: /^Foundation/ })).toContainText("Too early to project");
  await expect(pace.getByRole("row", { name: /^Intermediate/ })).toContainText("No date until started");
  await expect(pace.getByRole("row", { name: /^Whole roadmap/ })).toContainText("Too early to project");
});

test("the header and the pace table show the same start date, also once it is moved", async ({ page, learner }) => {
  void learner;
  const card = await startRoadmap(page);
  const started = card.getByText(/^Started /);
  const measured = card.getByText(/^Measured from your start, /);
  const firstDay = (await started.textContent())!.replace(/^Started /, "");
  await expect(measured).toContainText(`Measured from your start, ${firstDay}, against`);

  const movedBack = new Date(Date.now() - 150 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await card.getByText("Adjust your start date, targets and time zone").click();
  await card.getByLabel("Start date").fill(movedBack);
  await card.getByRole("button", { name: "Save pace plan" }).click();
  await expect(card.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(started).toHaveText(`Started ${shown(movedBack)}`);
  await expect(measured).toContainText(`Measured from your start, ${shown(movedBack)}, against`);
  // Months of plan but one day of evidence: behind on the plan, and still no projected date.
  await expect(card.getByText(/^Too early to project\. .*keep going for 13 more days/)).toBeVisible();
});

for (const width of [390, 320]) {
  test(`the pace table fits a ${width}px wide phone as cards`, async ({ page, learner }) => {
    void learner;
    await page.setViewportSize({ width, height: 844 });
    const card = await startRoadmap(page);
    const cards = card.getByRole("list", { name: "Your pace against the stage windows" });
    await expect(cards.getByRole("listitem")).toHaveCount(5);
    await expect(cards.getByRole("listitem").filter({ hasText: "Whole roadmap" })).toContainText(
      "Too early to project",
    );
    await expect(card.getByRole("table", { name: "Your pace against the stage windows" })).toBeHidden();
    const pageOverflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(pageOverflow).toBeLessThanOrEqual(0);
    // Nor does the pace itself hide a scroll of its own.
    expect(await cards.evaluate((list) => list.scrollWidth - list.clientWidth)).toBeLessThanOrEqual(0);
  });
}
