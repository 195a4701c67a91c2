import type { Browser, Page } from "@playwright/test";
import { EVERY_PAGE, openAs, prepareEveryPage, type EveryPageAccounts } from "./every-page";
import { expect, test, testClientAddress } from "./fixtures";

/**
 * Every page at the two phone widths the app promises, signed out and signed in: nothing may make the
 * page wider than the screen. Wide content (tables, the heatmap) has to scroll inside its own box.
 */
const WIDTHS = [320, 390];

// One setup per worker: the pages below only read what it made.
let accounts: EveryPageAccounts;
test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  accounts = await prepareEveryPage(browser);
});

async function phonePage(browser: Browser, as: "learner" | "mentor", width = 390): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 844 },
    extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() },
    storageState: accounts.storageState[as],
  });
  return context.newPage();
}

test("on a phone the header is one row, its links and theme in a Menu that Escape closes", async ({ browser }) => {
  const page = await phonePage(browser, "learner", 320);
  await page.goto("/account");
  const header = page.getByRole("banner");
  expect((await header.boundingBox())?.height).toBeLessThan(70);

  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(header.getByRole("link", { name: "Dashboard" })).toBeHidden();

  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(header.getByRole("link", { name: "Dashboard" })).toBeVisible();
  await expect(header.getByRole("combobox", { name: "Theme" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(header.getByRole("link", { name: "Roadmaps" })).toBeFocused();

  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(header.getByRole("link", { name: "Dashboard" })).toBeHidden();

  await menu.click();
  await header.getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await page.context().close();
});

test("on a phone the heatmap opens on today, with month names and a legend", async ({ browser }) => {
  const page = await phonePage(browser, "learner");
  await page.goto("/dashboard");
  const heatmap = page.getByRole("figure").filter({ hasText: /Active on \d+ of the last/ });
  await expect(heatmap.getByText("Less")).toBeVisible();
  await expect(heatmap.getByText("More")).toBeVisible();
  // Opened, not scrolled by anyone: the newest cell (today) is on screen, the oldest off to the left.
  const today = (await heatmap.locator("span[title]").last().boundingBox())!;
  expect(today.x).toBeGreaterThanOrEqual(0);
  expect(today.x + today.width).toBeLessThanOrEqual(390);
  expect((await heatmap.locator("span[title]").first().boundingBox())!.x).toBeLessThan(0);
  await expect(heatmap.getByText(/^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/).first()).toBeAttached();
  await page.context().close();
});

test("on a phone the mentee table scrolls in its own labelled, focusable box", async ({ browser }) => {
  const page = await phonePage(browser, "mentor");
  await page.goto("/mentees");
  const region = page.getByRole("region", { name: "Mentees table, scrolls sideways" });
  await expect(region.getByRole("link", { name: /Lena Learner/ })).toBeVisible();
  await region.focus();
  await expect(region).toBeFocused();
  expect(await region.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
  await page.context().close();
});

for (const width of WIDTHS) {
  for (const visit of EVERY_PAGE) {
    test(`${visit.route} as ${visit.as} fits a ${width} px wide screen`, async ({ browser }) => {
      const page = await openAs(browser, accounts, visit, { viewport: { width, height: 844 } });
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, `${visit.path(accounts.made)} is laid out wider than the screen`).toBeLessThanOrEqual(
        innerWidth,
      );
      await page.context().close();
    });
  }
}
