import { expect, ROADMAP, test } from "./fixtures";

const FIRST_MILESTONE = "Understand how the web works";
const SECOND_MILESTONE = "Choose one programming language and get fluent in it";

test.beforeEach(async ({ page, learner }) => {
  void learner;
  await page.goto(ROADMAP);
  // The checkboxes are enabled once the page is interactive, and the shortcuts listen from then on.
  await expect(page.getByRole("checkbox", { name: FIRST_MILESTONE })).toBeEnabled();
});

test("? opens the shortcuts on a page where nothing has focus yet", async ({ page }) => {
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
});

test("? is typed into the search box, and opens the shortcuts from the button beside it", async ({ page }) => {
  const search = page.getByRole("searchbox", { name: "Search milestones" });
  await search.click();
  await page.keyboard.type("?");
  await expect(search).toHaveValue("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();

  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Keyboard shortcuts" })).toBeFocused();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
});

test("the skip link is reached by Tab, shows itself, and lands on the first milestone", async ({ page }) => {
  const skip = page.getByRole("link", { name: "Skip to milestones" });
  await expect(skip).toBeAttached();
  // Past the header's own links: how many there are is the header's business, not this test's.
  for (let presses = 0; presses < 20 && !(await skip.evaluate((link) => link === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
  }
  await expect(skip).toBeFocused();
  expect((await skip.boundingBox())?.width).toBeGreaterThan(50);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("checkbox", { name: FIRST_MILESTONE })).toBeFocused();
});

test("j or k with no milestone focused starts at the first milestone", async ({ page }) => {
  await page.keyboard.press("j");
  await expect(page.getByRole("checkbox", { name: FIRST_MILESTONE })).toBeFocused();
  await page.keyboard.press("j");
  await expect(page.getByRole("checkbox", { name: SECOND_MILESTONE })).toBeFocused();

  await page.getByRole("link", { name: "Dashboard" }).focus();
  await page.keyboard.press("k");
  await expect(page.getByRole("checkbox", { name: FIRST_MILESTONE })).toBeFocused();
});

test("page-wide single keys can be turned off, and then act only on a focused milestone", async ({ page }) => {
  await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  const pageWide = dialog.getByRole("checkbox", { name: "Use j, k and ? anywhere on the page" });
  await expect(pageWide).toBeChecked();
  await pageWide.uncheck();
  await expect(dialog).toContainText("Every shortcut acts on the milestone that has focus.");
  await dialog.getByRole("button", { name: "Close" }).click();

  await page.reload();
  await expect(page.getByRole("checkbox", { name: FIRST_MILESTONE })).toBeEnabled();
  await page.locator("body").press("j");
  await page.locator("body").press("?");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("checkbox", { name: FIRST_MILESTONE })).not.toBeFocused();

  await page.getByRole("checkbox", { name: FIRST_MILESTONE }).focus();
  await page.keyboard.press("j");
  await expect(page.getByRole("checkbox", { name: SECOND_MILESTONE })).toBeFocused();
  await page.keyboard.press("?");
  await expect(pageWide).not.toBeChecked();
});
