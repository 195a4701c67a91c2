import { expect, milestoneItem, newLearner, nextSave, ROADMAP, signIn, signUp, test } from "./fixtures";

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
  const lastSave = nextSave(page, '"skipped"');
  await page.getByRole("combobox", { name: `Status: ${DSA}` }).selectOption({ label: "Skipped" });
  await lastSave;

  const foundation = page.getByRole("progressbar", { name: "Foundation progress" });
  await expect(foundation).toHaveAttribute("aria-valuenow", String(Math.floor(100 / 6)));
  await expect(page.getByText("1 of 6 done · 1 skipped")).toBeVisible();
  // Skipped milestones are shown apart, never counted as done.
  await expect(overall).not.toHaveAttribute("aria-valuenow", "0");

  await page.reload();
  await expect(page.getByRole("checkbox", { name: SQL })).toBeChecked();
  await expect(page.getByRole("combobox", { name: `Status: ${GIT}` })).toHaveValue("in_progress");
  await expect(page.getByRole("combobox", { name: `Status: ${DSA}` })).toHaveValue("skipped");
  await expect(foundation).toHaveAttribute("aria-valuenow", String(Math.floor(100 / 6)));

  const unticked = nextSave(page);
  await page.getByRole("checkbox", { name: SQL }).uncheck();
  await unticked;
  await page.reload();
  await expect(page.getByRole("checkbox", { name: SQL })).not.toBeChecked();
});

test("the dashboard shows progress and the next milestone to work on", async ({ page, learner }) => {
  void learner;
  await page.goto(ROADMAP);
  const saved = nextSave(page);
  await page.getByRole("checkbox", { name: "Understand how the web works" }).check();
  await saved;

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
  await page.route(ROADMAP, (route) =>
    route.request().method() === "POST" ? route.abort("connectionrefused") : route.continue(),
  );

  // click, not check(): the tick shows and is undone before check() could confirm it.
  await checkbox.click();
  const failure = page.getByRole("alert").filter({ hasText: `Couldn't save “${SQL}”` });
  await expect(failure).toContainText("Your change was undone.");
  await expect(checkbox).not.toBeChecked();

  await page.unroute(ROADMAP);
  const saved = nextSave(page);
  await page.getByRole("button", { name: "Try again" }).click();
  await saved;
  await expect(checkbox).toBeChecked();
  await expect(checkbox).toBeFocused();
  await expect(failure).toHaveCount(0);
  await page.reload();
  await expect(checkbox).toBeChecked();
});

test("two learners never see each other's progress", async ({ page, browser, learner }) => {
  void learner;
  await page.goto(ROADMAP);
  const saved = nextSave(page);
  await page.getByRole("checkbox", { name: SQL }).check();
  await saved;

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUp(other, newLearner("Bob"));
  await other.goto(ROADMAP);
  await expect(other.getByRole("checkbox", { name: SQL })).not.toBeChecked();
  await expect(other.getByRole("progressbar", { name: "Overall progress" })).toHaveAttribute("aria-valuenow", "0");
  const otherSaved = nextSave(other);
  await other.getByRole("combobox", { name: `Status: ${GIT}` }).selectOption({ label: "In progress" });
  await otherSaved;
  await otherContext.close();

  await page.reload();
  await expect(page.getByRole("checkbox", { name: SQL })).toBeChecked();
  await expect(page.getByRole("combobox", { name: `Status: ${GIT}` })).toHaveValue("not_started");
});

test("a signed-out visitor can read everything and is invited to sign in to save", async ({ page }) => {
  await page.goto(ROADMAP);
  await expect(page.getByRole("heading", { level: 1, name: "Backend Developer" })).toBeVisible();
  for (const stage of [
    "Foundation (0–3 months)",
    "Intermediate (3–6 months)",
    "Advanced (6–12 months)",
    "Professional (1+ year)",
  ]) {
    await expect(
      page.getByRole("heading", { level: 2, name: new RegExp(stage.replace(/[()+]/g, "\\$&")) }),
    ).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: "Career levels and salary estimates" })).toBeVisible();
  await expect(page.getByText(/estimates/).first()).toBeVisible();

  await page
    .getByText(/^Details about/)
    .first()
    .click();
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

test("a milestone's details show its resources marked free or paid, a practice idea and when it is done", async ({
  page,
}) => {
  await page.goto(ROADMAP);
  const item = milestoneItem(page, "Understand how the web works");
  await item.getByText("Details about Understand how the web works").click();
  await expect(item.getByRole("heading", { name: "Done when" })).toBeVisible();
  await expect(item.getByText(/explain, step by step, what happens between typing a URL/)).toBeVisible();
  await expect(item.getByRole("heading", { name: "Practice idea" })).toBeVisible();
  await expect(item.getByRole("heading", { name: "Documentation" })).toBeVisible();
  const overview = item.getByRole("listitem").filter({ has: page.getByRole("link", { name: /An overview of HTTP/ }) });
  await expect(overview.getByText("Free", { exact: true })).toBeVisible();
  await expect(overview.getByRole("link")).toHaveAttribute("href", /^https:\/\/developer\.mozilla\.org\//);
  const certificate = item.getByRole("listitem").filter({ hasText: "Introduction to Back-End Development" });
  await expect(certificate.getByText("Paid", { exact: true })).toBeVisible();
  // The description is Markdown: its emphasis is rendered, not shown as asterisks.
  await expect(item.getByText("request", { exact: true }).first()).toBeVisible();
  await expect(item.getByText(/\*\*request\*\*/)).toHaveCount(0);
});

test("details opened before the page's script has loaded show their content once it has", async ({ page }) => {
  // A slow phone: the learner opens a milestone's details while the script is still on its way.
  let release!: () => void;
  const scriptHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/.*\.js/, async (route) => {
    await scriptHeld;
    await route.continue();
  });
  await page.goto(ROADMAP, { waitUntil: "commit" });
  const item = milestoneItem(page, "Understand how the web works");
  await item.getByText("Details about Understand how the web works").click();
  release();
  await expect(item.getByRole("heading", { name: "Done when" })).toBeVisible();
  await expect(item.getByRole("heading", { name: "Practice idea" })).toBeVisible();
});

test("overlapping changes that all fail end on what was saved, not on an unsaved value", async ({ page, learner }) => {
  void learner;
  await page.goto(ROADMAP);
  // Offline: the changes and the refetch after them all fail, so nothing can correct the screen later.
  await page.route("**/api/roadmaps/**", (route) => route.abort("connectionrefused"));
  await page.route(ROADMAP, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    await new Promise((resolve) => setTimeout(resolve, 600));
    return route.abort("connectionrefused");
  });
  let failedSaves = 0;
  page.on("requestfailed", (request) => {
    if (request.method() === "POST") failedSaves += 1;
  });
  await page.getByRole("checkbox", { name: SQL }).click();
  await page.getByRole("combobox", { name: `Status: ${SQL}` }).selectOption({ label: "In progress" });
  await expect(page.getByRole("combobox", { name: `Status: ${SQL}` })).toHaveValue("in_progress");

  await expect.poll(() => failedSaves).toBe(2);
  await expect(page.getByRole("alert").filter({ hasText: `Couldn't save “${SQL}”` })).toBeVisible();
  await expect(page.getByRole("combobox", { name: `Status: ${SQL}` })).toHaveValue("not_started");
  await expect(page.getByRole("checkbox", { name: SQL })).not.toBeChecked();
});

test("a change refused because the session ended is undone and offers to sign in again", async ({
  page,
  browser,
  learner,
}) => {
  await page.goto(ROADMAP);
  const otherDevice = await browser.newContext();
  const other = await otherDevice.newPage();
  await signIn(other, learner);
  await expect(other).toHaveURL(/\/dashboard$/);
  await other.goto("/account");
  await other.getByRole("button", { name: "Sign out everywhere", exact: true }).click();
  await expect(other.getByText("You are signed out on every device.")).toBeVisible();
  await otherDevice.close();

  await page.getByRole("checkbox", { name: SQL }).click();
  const failure = page.getByRole("alert").filter({ hasText: `Couldn't save “${SQL}”` });
  await expect(failure).toContainText("Your session has ended.");
  await expect(page.getByRole("checkbox", { name: SQL })).not.toBeChecked();
  await expect(failure.getByRole("link", { name: "Sign in again" })).toBeVisible();
});

test("after signing out, the roadmap shows none of the last learner's progress", async ({ page, learner }) => {
  void learner;
  await page.goto(ROADMAP);
  const saved = nextSave(page);
  await page.getByRole("checkbox", { name: SQL }).check();
  await saved;

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Roadmaps" }).click();
  await page.getByRole("link", { name: "Backend Developer", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Backend Developer" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: SQL })).not.toBeChecked();
  await expect(page.getByRole("progressbar", { name: "Overall progress" })).toHaveAttribute("aria-valuenow", "0");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  const MENTOR = "Mentor junior developers";
  const offline = (page: import("@playwright/test").Page) =>
    page.route(ROADMAP, (route) =>
      route.request().method() === "POST" ? route.abort("connectionrefused") : route.continue(),
    );

  test("a failed tick is reported at the milestone itself, where the learner is looking", async ({ page, learner }) => {
    void learner;
    await page.goto(ROADMAP);
    await offline(page);
    const item = milestoneItem(page, MENTOR);
    // At the screen's bottom edge, where a message added below the milestone would be out of sight.
    await item.evaluate((element) => element.scrollIntoView({ block: "end" }));
    await item.getByRole("checkbox", { name: MENTOR }).click();

    const failure = item.getByRole("alert").filter({ hasText: `Couldn't save “${MENTOR}”` });
    await expect(failure).toBeInViewport({ ratio: 1 });
    await expect(item.getByRole("checkbox", { name: MENTOR })).not.toBeChecked();
    // One failure needs no summary: the message beside the milestone is the whole story.
    await expect(page.getByRole("region", { name: "Unsaved changes" })).toHaveCount(0);

    await page.unroute(ROADMAP);
    const saved = nextSave(page);
    await failure.getByRole("button", { name: "Try again" }).click();
    await saved;
    await expect(item.getByRole("checkbox", { name: MENTOR })).toBeChecked();
    await expect(failure).toHaveCount(0);
  });

  test("several failed changes keep a summary on screen that retries them all", async ({ page, learner }) => {
    void learner;
    await page.goto(ROADMAP);
    await offline(page);
    await page.getByRole("checkbox", { name: SQL }).click();
    await expect(milestoneItem(page, SQL).getByRole("alert")).toBeVisible();
    await page.getByRole("checkbox", { name: MENTOR }).click();
    await expect(milestoneItem(page, MENTOR).getByRole("alert")).toBeVisible();

    const summary = page.getByRole("region", { name: "Unsaved changes" });
    await expect(summary).toContainText("2 changes weren't saved.");
    await expect(summary).toBeInViewport();
    await summary.getByRole("button", { name: "Show the first" }).click();
    await expect(page.getByRole("checkbox", { name: SQL })).toBeFocused();
    await expect(milestoneItem(page, SQL).getByRole("alert")).toBeInViewport();

    await page.unroute(ROADMAP);
    let saves = 0;
    page.on("response", (response) => {
      if (response.request().method() === "POST" && response.ok()) saves += 1;
    });
    await summary.getByRole("button", { name: "Try all again" }).click();
    await expect.poll(() => saves).toBe(2);
    await expect(summary).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("checkbox", { name: SQL })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: MENTOR })).toBeChecked();
  });
});

test("at 1280×800 the first milestone is on the first screen, signed in or out", async ({ page, learner }) => {
  void learner;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(ROADMAP);
  await expect(page.getByRole("checkbox", { name: "Understand how the web works" })).toBeInViewport({ ratio: 1 });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto(ROADMAP);
  await expect(page.getByRole("checkbox", { name: "Understand how the web works" })).toBeInViewport({ ratio: 1 });
});

test("a search shows only the stages with a match, and one message when nothing matches", async ({ page }) => {
  await page.goto(ROADMAP);
  const search = page.getByRole("searchbox", { name: "Search milestones" });
  await search.fill("docker");
  await expect(page.getByRole("checkbox", { name: "Learn containerization with Docker" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Stage \d+: / })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 2, name: /Advanced/ })).toBeVisible();
  await expect(page.getByText(/No milestone/)).toHaveCount(0);

  await search.fill("docker tomatoes");
  await expect(page.getByRole("heading", { level: 2, name: /^Stage \d+: / })).toHaveCount(0);
  await expect(page.getByText("No milestone matches “docker tomatoes”.")).toBeVisible();
  await page.getByRole("button", { name: "Show all milestones" }).click();
  await expect(search).toHaveValue("");
  await expect(page.getByRole("heading", { level: 2, name: /^Stage \d+: / })).toHaveCount(4);
  await expect(page).toHaveURL(new RegExp(`${ROADMAP}$`));
});

test("the Done filter and a search are kept in the address, survive a reload and leave Back alone", async ({
  page,
  learner,
}) => {
  void learner;
  await page.goto(ROADMAP);
  const saved = nextSave(page);
  await page.getByRole("checkbox", { name: SQL }).check();
  await saved;

  await page.getByRole("radio", { name: "Done", exact: true }).check({ force: true });
  await expect(page.getByRole("checkbox", { name: SQL })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: GIT })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Showing 1 of 28 milestones." })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search milestones" }).fill("sql");
  await expect(page).toHaveURL(/\?filter=done&q=sql$/);

  await page.reload();
  await expect(page.getByRole("radio", { name: "Done", exact: true })).toBeChecked();
  await expect(page.getByRole("searchbox", { name: "Search milestones" })).toHaveValue("sql");
  await expect(page.getByRole("checkbox", { name: SQL })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: GIT })).toHaveCount(0);

  // Filtering replaced the address rather than adding to history: Back leaves the roadmap.
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Backend Developer", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${ROADMAP}$`));
  await page.getByRole("radio", { name: "Done", exact: true }).check({ force: true });
  await expect(page).toHaveURL(/\?filter=done$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/dashboard$/);
});
