import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, newLearner, nextSave, ROADMAP, signUp, test, testClientAddress } from "./fixtures";

/**
 * Every page at the two phone widths the app promises, signed out and signed in: nothing may make the
 * page wider than the screen. Wide content (tables, the heatmap) has to scroll inside its own box.
 */
const WIDTHS = [320, 390];

type Setup = {
  learner: Awaited<ReturnType<BrowserContext["storageState"]>>;
  mentor: Awaited<ReturnType<BrowserContext["storageState"]>>;
  shareUrl: string;
  inviteUrl: string;
  menteeUrl: string;
};

async function signedUpPage(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() } });
  const page = await context.newPage();
  await signUp(page, newLearner(name));
  return page;
}

/** A learner with progress and a public link, mentored by a mentor whose invite link is still open. */
async function setUp(browser: Browser): Promise<Setup> {
  const mentor = await signedUpPage(browser, "Maya Mentor with a rather long name");
  const learner = await signedUpPage(browser, "Leo Learner with a rather long name");

  await mentor.goto("/mentees");
  await mentor.getByRole("button", { name: "Create invite link" }).click();
  const inviteUrl = await mentor.getByRole("textbox", { name: "Invite link" }).inputValue();
  expect(inviteUrl).toMatch(/\/invite\//);

  await learner.goto(inviteUrl);
  await learner.getByRole("button", { name: "Accept" }).click();
  await expect(learner).toHaveURL(/\/mentors$/);

  await learner.goto(ROADMAP);
  const saved = nextSave(learner);
  await learner.getByRole("checkbox", { name: "Learn SQL and database fundamentals" }).check();
  await saved;
  const share = learner.getByRole("region", { name: "Share your progress" });
  await share.getByRole("button", { name: "Create a public link" }).click();
  await expect(share.getByRole("status")).toHaveText("Your public link is ready.");
  const shareUrl = await share.getByLabel("Public link").inputValue();

  await mentor.goto("/mentees");
  await mentor.getByRole("link", { name: /Leo Learner/ }).click();
  await expect(mentor).toHaveURL(/\/mentees\/[0-9a-f-]{36}$/);
  const menteeUrl = mentor.url();

  const setup = {
    learner: await learner.context().storageState(),
    mentor: await mentor.context().storageState(),
    shareUrl,
    inviteUrl,
    menteeUrl,
  };
  await learner.context().close();
  await mentor.context().close();
  return setup;
}

type Visit = { name: string; as: "visitor" | "learner" | "mentor"; url: (setup: Setup) => string };

const PAGES: Visit[] = [
  { name: "home", as: "visitor", url: () => "/" },
  { name: "sign in", as: "visitor", url: () => "/sign-in" },
  { name: "sign up", as: "visitor", url: () => "/sign-up" },
  { name: "roadmap, signed out", as: "visitor", url: () => ROADMAP },
  { name: "a public progress page", as: "visitor", url: (setup) => setup.shareUrl },
  { name: "an invite", as: "visitor", url: (setup) => setup.inviteUrl },
  { name: "not found", as: "visitor", url: () => "/no-such-page" },
  { name: "dashboard", as: "learner", url: () => "/dashboard" },
  { name: "roadmap", as: "learner", url: () => ROADMAP },
  { name: "mentors", as: "learner", url: () => "/mentors" },
  { name: "notifications", as: "learner", url: () => "/notifications" },
  { name: "account", as: "learner", url: () => "/account" },
  { name: "mentees", as: "mentor", url: () => "/mentees" },
  { name: "a mentee", as: "mentor", url: (setup) => setup.menteeUrl },
];

// One setup per worker: the pages below only read what it made.
test.describe.configure({ mode: "default" });
let setup: Setup;
test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  setup = await setUp(browser);
});

async function phonePage(browser: Browser, as: Visit["as"], width = 390): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 844 },
    extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() },
    storageState: as === "visitor" ? undefined : setup[as],
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
  await expect(header.getByRole("link", { name: "Roadmap" })).toBeFocused();

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
  await expect(region.getByRole("link", { name: /Leo Learner/ })).toBeVisible();
  await region.focus();
  await expect(region).toBeFocused();
  expect(await region.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
  await page.context().close();
});

for (const width of WIDTHS) {
  for (const visit of PAGES) {
    test(`${visit.name} fits a ${width} px wide screen`, async ({ browser }) => {
      const context = await browser.newContext({
        viewport: { width, height: 844 },
        extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() },
        storageState: visit.as === "visitor" ? undefined : setup[visit.as],
      });
      const page = await context.newPage();
      await page.goto(visit.url(setup));
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, `${visit.name} is laid out wider than the screen`).toBeLessThanOrEqual(innerWidth);
      await context.close();
    });
  }
}
