import type { Locator, Page } from "@playwright/test";
import { expect, newLearner, nextSave, signUp, test, testClientAddress } from "./fixtures";

/** Presses Tab until the element has focus, as someone with only a keyboard would. */
async function tabTo(page: Page, target: Locator, { backwards = false } = {}) {
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test("an author creates, orders and publishes a roadmap with the keyboard alone, and a learner ticks a milestone", async ({
  page,
  learner,
  browser,
}) => {
  void learner;
  await page.goto("/roadmaps");
  await tabTo(page, page.getByRole("link", { name: "Create a roadmap" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/roadmaps\/new$/);
  await tabTo(page, page.getByLabel("Title"));
  await page.keyboard.type("Data engineering");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/roadmaps\/data-engineering-[a-z0-9]{12}\/edit$/);
  await expect(page.getByRole("heading", { level: 1, name: "Data engineering" })).toBeVisible();

  await tabTo(page, page.getByRole("button", { name: "Add stage" }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Stage title")).toBeFocused();
  await page.keyboard.type("Basics");

  for (const title of ["SQL", "Python"]) {
    await tabTo(page, page.getByRole("button", { name: "Add milestone to Basics" }));
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Milestone title").last()).toBeFocused();
    await page.keyboard.type(title);
  }
  const titles = page.getByLabel("Milestone title");
  await expect(titles).toHaveCount(2);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  // Reorder: SQL goes below Python; focus stays with SQL's move buttons and the move is announced.
  await tabTo(page, page.getByRole("button", { name: "Move SQL down" }), { backwards: true });
  await page.keyboard.press("Enter");
  await expect(titles.nth(0)).toHaveValue("Python");
  await expect(titles.nth(1)).toHaveValue("SQL");
  await expect(page.getByRole("button", { name: "Move SQL up" })).toBeFocused();
  await expect(page.getByText("SQL moved to position 2 of 2.")).toBeAttached();

  // Delete, then undo.
  await tabTo(page, page.getByRole("button", { name: "Delete Python" }), { backwards: true });
  await page.keyboard.press("Enter");
  await expect(titles).toHaveCount(1);
  await expect(page.getByRole("complementary").getByText("Deleted Python.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(titles).toHaveCount(2);
  await expect(titles.nth(0)).toHaveValue("Python");
  await expect(titles.nth(0)).toBeFocused();

  const visibility = page.getByLabel("Visibility");
  await expect(visibility).toHaveValue("private");
  await tabTo(page, visibility);
  await page.keyboard.press("ArrowDown");
  await expect(visibility).toHaveValue("unlisted");
  await expect(page.getByLabel("Unlisted address")).toHaveValue(/\/roadmaps\/data-engineering-[a-z0-9]{12}$/);
  await page.keyboard.press("ArrowDown");
  await expect(visibility).toHaveValue("public");
  await expect(page.getByText("Visibility saved.")).toBeVisible();

  await tabTo(page, page.getByRole("button", { name: "Publish" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Published version 1.")).toBeVisible();
  await expect(page.getByText("Version 1 is published, and up to date.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete this roadmap" })).toHaveCount(0);

  // A change after publishing waits for the next publish.
  await page.getByLabel("Summary", { exact: true }).fill("From SQL to pipelines.");
  await expect(page.getByText("Version 1 is published. Unpublished changes.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  const address = page.url().replace(/\/edit$/, "");
  await page.goto(address);
  await expect(page.getByRole("link", { name: "Edit roadmap" })).toBeVisible();

  // Someone else opens it and ticks a milestone; the tick is kept.
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() } });
  const other = await context.newPage();
  await signUp(other, newLearner("Lee Learner"));
  await other.goto(address);
  await expect(other.getByRole("heading", { level: 1, name: "Data engineering" })).toBeVisible();
  await expect(other.getByRole("link", { name: "Edit roadmap" })).toHaveCount(0);
  await expect(other.getByRole("button", { name: "Copy and edit" })).toBeVisible();
  await other.getByRole("button", { name: "Follow roadmap" }).click();
  await expect(other.getByText("You follow this roadmap.")).toBeVisible();
  const saved = nextSave(other);
  await other.getByRole("checkbox", { name: "SQL" }).check();
  await saved;
  await other.reload();
  await expect(other.getByRole("checkbox", { name: "SQL" })).toBeChecked();
  await expect(other.getByRole("checkbox", { name: "Python" })).not.toBeChecked();

  // The author publishes a second version; the learner's tick carries over and they are told what changed.
  await page.goto(`${address}/edit`);
  await expect(page.getByLabel("Milestone title")).toHaveCount(2);
  await page.getByRole("button", { name: "Add milestone" }).click();
  await expect(page.getByLabel("Milestone title")).toHaveCount(3);
  await page.getByLabel("Milestone title").last().fill("Spark");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 2.")).toBeVisible();
  await other.reload();
  const changed = other.getByRole("region", { name: /This roadmap has changed since you last looked/ });
  await expect(changed).toContainText("1 milestone added");
  await expect(other.getByRole("checkbox", { name: "SQL" })).toBeChecked();
  await expect(other.getByRole("checkbox", { name: "Spark" })).not.toBeChecked();
  await changed.getByRole("button", { name: "Got it" }).click();
  await expect(changed).toHaveCount(0);
  await other.reload();
  await expect(other.getByRole("checkbox", { name: "SQL" })).toBeChecked();
  await expect(other.getByRole("region", { name: /This roadmap has changed/ })).toHaveCount(0);

  // "Copy and edit" makes the learner their own private draft of it.
  await other.getByRole("button", { name: "Copy and edit" }).click();
  await expect(other).toHaveURL(/\/roadmaps\/data-engineering-[a-z0-9]{12}\/edit$/);
  expect(other.url()).not.toBe(`${address}/edit`);
  await expect(other.getByLabel("Title", { exact: true })).toHaveValue("Copy of Data engineering");
  await expect(other.getByLabel("Milestone title")).toHaveCount(3);
  await expect(other.getByLabel("Visibility")).toHaveValue("private");
  await context.close();
});

test("the editor is its author's alone, and a new roadmap needs a signed-in author", async ({
  page,
  learner,
  browser,
}) => {
  void learner;
  await page.goto("/roadmaps/new");
  await page.getByRole("button", { name: "Create roadmap" }).click();
  await expect(page.getByText("Give your roadmap a title.")).toBeVisible();
  await page.getByLabel("Title").fill("Secret plans");
  await page.getByRole("button", { name: "Create roadmap" }).click();
  await expect(page).toHaveURL(/\/edit$/);
  const editor = page.url();
  // Before the first publish the roadmap's page sends its author to the editor.
  await page.goto(editor.replace(/\/edit$/, ""));
  await expect(page).toHaveURL(editor);

  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() } });
  const stranger = await context.newPage();
  const response = await stranger.goto(editor);
  expect(response?.status()).toBe(404);
  await stranger.goto("/roadmaps/new");
  await expect(stranger).toHaveURL(/\/sign-in\?next=/);
  await context.close();

  // Never published, so its author may delete it, after saying so twice.
  await page.getByRole("button", { name: "Delete this roadmap" }).click();
  await page.getByRole("button", { name: "Delete roadmap" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  expect((await page.goto(editor))?.status()).toBe(404);
});

test("a roadmap file becomes a private draft, and a broken one is explained with nothing created", async ({
  page,
  learner,
}) => {
  void learner;
  await page.goto("/roadmaps/new");
  const importing = page.getByRole("region", { name: "Or import a roadmap file" });
  await importing.getByLabel("Roadmap file").setInputFiles({
    name: "broken.yaml",
    mimeType: "application/yaml",
    buffer: Buffer.from("format: waymark-roadmap/1\nslug: broken\ntitle: ''\nstages: []\n"),
  });
  await importing.getByRole("button", { name: "Import roadmap" }).click();
  const problems = page.getByRole("alert").filter({ hasText: "broken.yaml has a problem; nothing was created" });
  await expect(problems).toContainText("line 3");

  const file = [
    "format: waymark-roadmap/1",
    "slug: rust-basics",
    "title: Rust basics",
    "stages:",
    "  - slug: ownership",
    "    title: Ownership",
    "    milestones:",
    "      - slug: borrowing",
    "        title: Borrow without fighting the checker",
  ].join("\n");
  await importing.getByLabel("Roadmap file").setInputFiles({
    name: "rust.yaml",
    mimeType: "application/yaml",
    buffer: Buffer.from(file),
  });
  await importing.getByRole("button", { name: "Import roadmap" }).click();
  await expect(page).toHaveURL(/\/roadmaps\/rust-basics-[a-z0-9]{12}\/edit$/);
  await expect(page.getByLabel("Milestone title")).toHaveValue("Borrow without fighting the checker");
  await expect(page.getByLabel("Visibility")).toHaveValue("private");
});
