import { expect, newLearner, ROADMAP, signUp, test } from "./fixtures";

const SQL = "Learn SQL and database fundamentals";
const GIT = "Set up your development environment and learn Git";
const DSA = "Learn basic data structures and algorithms";

test("ticks and status changes show at once and survive a reload", async ({ page, learner }) => {
  void learner;
  await page.goto(ROADMAP);
  const overall = page.getByRole("progressbar", { name: "Overall progress" });
  await expect(overall).toHaveAttribute("aria-valuenow", "0");

  await page.getByRole("checkbox", { name: SQL }).check();
  await expect(page.getByRole("checkbox", { name: SQL })).toBeChecked();
  await expect(page.getByRole("combobox", { name: `Status: ${SQL}` })).toHaveValue("done");
  await page.getByRole("combobox", { name: `Status: ${GIT}` }).selectOption({ label: "In progress" });
  await page.getByRole("combobox", { name: `Status: ${DSA}` }).selectOption({ label: "Skipped" });

  const foundation = page.getByRole("progressbar", { name: "Foundation progress" });
  await expect(foundation).toHaveAttribute("aria-valuenow", String(Math.floor(100 / 6)));
  await expect(page.getByText("1 of 6 done · 1 skipped")).toBeVisible();
  // Skipped milestones are shown apart, never counted as done.
  await expect(overall).not.toHaveAttribute("aria-valuenow", "0");

  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(page.getByRole("checkbox", { name: SQL })).toBeChecked();
  await expect(page.getByRole("combobox", { name: `Status: ${GIT}` })).toHaveValue("in_progress");
  await expect(page.getByRole("combobox", { name: `Status: ${DSA}` })).toHaveValue("skipped");
  await expect(foundation).toHaveAttribute("aria-valuenow", String(Math.floor(100 / 6)));

  await page.getByRole("checkbox", { name: SQL }).uncheck();
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(page.getByRole("checkbox", { name: SQL })).not.toBeChecked();
});

test("the dashboard shows progress and the next milestone to work on", async ({ page, learner }) => {
  void learner;
  await page.goto(ROADMAP);
  await page.getByRole("checkbox", { name: "Understand how the web works" }).check();
  await page.waitForLoadState("networkidle");

  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Backend Developer" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Overall progress" })).not.toHaveAttribute("aria-valuenow", "0");
  await expect(page.getByRole("progressbar", { name: "Foundation progress" })).toHaveAttribute("aria-valuenow", "16");
  const nextUp = page.getByRole("link", { name: "Choose one programming language and get fluent in it" });
  await nextUp.click();
  await expect(page).toHaveURL(/#master-one-programming-language$/);
});

test("a change the server refuses is rolled back with a message, and can be retried", async ({ page, learner }) => {
  void learner;
  await page.goto(ROADMAP);
  const checkbox = page.getByRole("checkbox", { name: SQL });
  await page.route(ROADMAP, (route) => (route.request().method() === "POST" ? route.abort("connectionrefused") : route.continue()));

  // click, not check(): the tick shows and is undone before check() could confirm it.
  await checkbox.click();
  const failure = page.getByRole("alert").filter({ hasText: `Couldn't save “${SQL}”` });
  await expect(failure).toContainText("Your change was undone.");
  await expect(checkbox).not.toBeChecked();

  await page.unroute(ROADMAP);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(checkbox).toBeChecked();
  await expect(failure).toHaveCount(0);
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(checkbox).toBeChecked();
});

test("two learners never see each other's progress", async ({ page, browser, learner }) => {
  void learner;
  await page.goto(ROADMAP);
  await page.getByRole("checkbox", { name: SQL }).check();
  await page.waitForLoadState("networkidle");

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUp(other, newLearner("Bob"));
  await other.goto(ROADMAP);
  await expect(other.getByRole("checkbox", { name: SQL })).not.toBeChecked();
  await expect(other.getByRole("progressbar", { name: "Overall progress" })).toHaveAttribute("aria-valuenow", "0");
  await other.getByRole("combobox", { name: `Status: ${GIT}` }).selectOption({ label: "In progress" });
  await other.waitForLoadState("networkidle");
  await otherContext.close();

  await page.reload();
  await expect(page.getByRole("checkbox", { name: SQL })).toBeChecked();
  await expect(page.getByRole("combobox", { name: `Status: ${GIT}` })).toHaveValue("not_started");
});

test("a signed-out visitor can read everything and is invited to sign in to save", async ({ page }) => {
  await page.goto(ROADMAP);
  await expect(page.getByRole("heading", { level: 1, name: "Backend Developer" })).toBeVisible();
  for (const stage of ["Foundation (0–3 months)", "Intermediate (3–6 months)", "Advanced (6–12 months)", "Professional (1+ year)"]) {
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(stage.replace(/[()+]/g, "\\$&")) })).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: "Career levels and salary estimates" })).toBeVisible();
  await expect(page.getByText(/estimates/).first()).toBeVisible();

  await page.getByText("Details", { exact: false }).first().click();
  await expect(page.getByText("Why it matters:").first()).toBeVisible();

  await page.getByRole("checkbox", { name: SQL }).click();
  const invitation = page.getByRole("alert").filter({ hasText: "Sign in to save your progress. Nothing was saved." });
  await expect(invitation).toBeVisible();
  await expect(page.getByRole("checkbox", { name: SQL })).not.toBeChecked();
  await invitation.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.goto(ROADMAP);
  await expect(page.getByRole("checkbox", { name: SQL })).not.toBeChecked();
});
