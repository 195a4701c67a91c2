import { expect, nextSave, ROADMAP, test, milestoneItem } from "./fixtures";

const FOUNDATION = [
  "Understand how the web works",
  "Choose one programming language and get fluent in it",
  "Learn basic data structures and algorithms",
  "Understand the HTTP protocol and REST principles",
  "Learn SQL and database fundamentals",
  "Set up your development environment and learn Git",
];

test("a whole stage is ticked off with the keyboard alone, and announced", async ({ page, learner }) => {
  void learner;
  await page.goto(ROADMAP);
  await expect(page.getByRole("checkbox", { name: FOUNDATION[0] })).toBeEnabled();
  // Reach the first milestone with Tab, as a keyboard user who knows no shortcut would.
  await page.getByRole("searchbox", { name: "Search milestones" }).focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("checkbox", { name: FOUNDATION[0] })).toBeFocused();
  for (const [index, title] of FOUNDATION.entries()) {
    const saved = nextSave(page);
    await page.keyboard.press("d");
    await saved;
    await expect(page.getByRole("checkbox", { name: title })).toBeChecked();
    await expect(page.getByText(`${title}: Done`)).toBeAttached();
    if (index < FOUNDATION.length - 1) {
      await page.keyboard.press("ArrowDown");
      await expect(page.getByRole("checkbox", { name: FOUNDATION[index + 1] })).toBeFocused();
    }
  }
  await expect(page.getByRole("progressbar", { name: "Foundation progress" })).toHaveAttribute("aria-valuenow", "100");

  await page.keyboard.press("k");
  await expect(page.getByRole("checkbox", { name: FOUNDATION[4] })).toBeFocused();
  await page.keyboard.press("i");
  await expect(page.getByRole("combobox", { name: `Status: ${FOUNDATION[4]}` })).toHaveValue("in_progress");
  await page.keyboard.press("Enter");
  const fifth = milestoneItem(page, FOUNDATION[4]!);
  await expect(fifth.getByText("Why it matters:")).toBeVisible();

  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();

  await page.reload();
  await expect(page.getByRole("progressbar", { name: "Foundation progress" })).toHaveAttribute(
    "aria-valuenow",
    String(Math.floor((5 * 100) / 6)),
  );
});

test("shortcuts never steal letters typed into a field", async ({ page, learner }) => {
  void learner;
  await page.goto(ROADMAP);
  await expect(page.getByRole("checkbox", { name: FOUNDATION[0] })).toBeEnabled();
  const search = page.getByRole("searchbox", { name: "Search milestones" });
  await search.click();
  await page.keyboard.type("dis");
  await expect(search).toHaveValue("dis");
  await search.fill("");
  await expect(page.getByRole("checkbox", { name: FOUNDATION[0] })).not.toBeChecked();
  await expect(page.getByRole("combobox", { name: `Status: ${FOUNDATION[0]}` })).toHaveValue("not_started");
});

test("status keys do nothing unless a milestone has focus", async ({ page, learner }) => {
  void learner;
  await page.goto(ROADMAP);
  await expect(page.getByRole("checkbox", { name: FOUNDATION[0] })).toBeEnabled();
  await page.getByRole("link", { name: "Dashboard" }).focus();
  await page.keyboard.press("d");
  await page.keyboard.press("r");
  await expect(page.getByRole("checkbox", { name: FOUNDATION[0] })).not.toBeChecked();
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
});

test("with a filter on, a milestone the keyboard moves out of view hands focus to its neighbour", async ({
  page,
  learner,
}) => {
  void learner;
  await page.goto(ROADMAP);
  await page.getByRole("radio", { name: "Not done" }).check({ force: true });
  await page.getByRole("checkbox", { name: FOUNDATION[0] }).focus();
  const saved = nextSave(page);
  await page.keyboard.press("d");
  await saved;
  await expect(page.getByRole("checkbox", { name: FOUNDATION[0] })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: FOUNDATION[1] })).toBeFocused();
});

test("filters and search narrow the roadmap", async ({ page, learner }) => {
  void learner;
  await page.goto(ROADMAP);
  const saved = nextSave(page);
  await page.getByRole("combobox", { name: `Status: ${FOUNDATION[4]}` }).selectOption({ label: "In progress" });
  await saved;
  const skipped = nextSave(page);
  await page.getByRole("combobox", { name: `Status: ${FOUNDATION[2]}` }).selectOption({ label: "Skipped" });
  await skipped;

  await page.getByRole("radio", { name: "In progress" }).check({ force: true });
  await expect(page.getByRole("status").filter({ hasText: "Showing 1 of 28 milestones." })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: FOUNDATION[4] })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: FOUNDATION[0] })).toHaveCount(0);

  await page.getByRole("radio", { name: "Skipped" }).check({ force: true });
  await expect(page.getByRole("checkbox", { name: FOUNDATION[2] })).toBeVisible();
  await page.getByRole("radio", { name: "Not done" }).check({ force: true });
  await expect(page.getByRole("checkbox", { name: FOUNDATION[2] })).toHaveCount(0);

  await page.getByRole("radio", { name: "All" }).check({ force: true });
  await page.getByRole("searchbox", { name: "Search milestones" }).fill("redis");
  await expect(page.getByRole("checkbox", { name: /caching/i })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: FOUNDATION[0] })).toHaveCount(0);
  // A stage with no match is left out rather than shown empty.
  await expect(page.getByRole("heading", { level: 2, name: /Foundation/ })).toHaveCount(0);
});

test("the latest change can be undone from the dashboard", async ({ page, learner }) => {
  void learner;
  await page.goto(ROADMAP);
  const saved = nextSave(page);
  await page.getByRole("checkbox", { name: FOUNDATION[0] }).check();
  await saved;

  await page.goto("/dashboard");
  await expect(page.getByRole("link", { name: `Marked ${FOUNDATION[0]} done` })).toBeVisible();
  await expect(page.getByText("Current streak")).toBeVisible();
  await page.getByRole("button", { name: /^Undo/ }).click();
  await expect(page.getByRole("link", { name: `Reset ${FOUNDATION[0]}` })).toBeVisible();

  await page.goto(ROADMAP);
  await expect(page.getByRole("checkbox", { name: FOUNDATION[0] })).not.toBeChecked();
});

test("the dashboard shows pace per stage, and a new start date recalculates it", async ({ page, learner }) => {
  void learner;
  await page.goto(ROADMAP);
  const saved = nextSave(page);
  await page.getByRole("checkbox", { name: FOUNDATION[0] }).check();
  await saved;
  await page.goto("/dashboard");
  const pace = page.getByRole("table", { name: "Your pace against the stage windows" });
  await expect(pace.getByRole("row", { name: /^Foundation/ })).toContainText("0%");

  await page.getByText("Adjust your start date, targets and time zone").click();
  await page.getByLabel("Start date").fill("2020-01-01");
  await page.getByRole("button", { name: "Save pace plan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(pace.getByRole("row", { name: /^Foundation/ })).toContainText("Behind");
  await expect(pace.getByRole("row", { name: /^Foundation/ })).toContainText("100%");
});
