import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { EVERY_PAGE, openAs, pageRoutes, prepareEveryPage, type EveryPageAccounts } from "./every-page";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

test("the page list covers every page in app/", () => {
  expect([...new Set(EVERY_PAGE.map((visit) => visit.route))].sort()).toEqual(pageRoutes());
});

test.describe("axe on every page", () => {
  let accounts: EveryPageAccounts;
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(240_000);
    accounts = await prepareEveryPage(browser);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    for (const [size, viewport] of Object.entries(SIZES)) {
      for (const visit of EVERY_PAGE) {
        test(`${visit.route} as ${visit.as}, ${colorScheme} theme, ${size}`, async ({ browser }) => {
          const page = await openAs(browser, accounts, visit, { colorScheme, viewport });
          const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
          expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
          await page.context().close();
        });
      }
    }
  }
});
