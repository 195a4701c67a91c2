import { expect, nextSave, ROADMAP, test, milestoneItem } from "./fixtures";

const SQL = "Learn SQL and database fundamentals";

test("evidence links: a bad address is explained, a good one is listed, and it can be removed", async ({
  page,
  learner,
}) => {
  void learner;
  await page.goto(ROADMAP);
  const item = milestoneItem(page, SQL);
  await item.getByText(/^Evidence \(0\)/).click();
  await item.getByLabel(/^Link title/).fill("Query practice repo");
  await item.getByLabel(/^Address/).fill("javascript:alert(1)");
  await item.getByRole("button", { name: "Add link" }).click();
  await expect(item.getByText("Use a web address starting with http:// or https://.")).toBeVisible();
  await expect(item.getByLabel(/^Link title/)).toHaveValue("Query practice repo");

  await item.getByLabel(/^Address/).fill("https://github.com/example/sql-practice");
  const saved = nextSave(page);
  await item.getByRole("button", { name: "Add link" }).click();
  await saved;
  const links = item.getByRole("list", { name: `Evidence for ${SQL}` });
  await expect(links.getByRole("link", { name: /Query practice repo/ })).toHaveAttribute(
    "href",
    "https://github.com/example/sql-practice",
  );
  await expect(links.getByRole("link", { name: /Query practice repo/ })).toHaveAttribute("rel", /nofollow/);
  await expect(item.getByText(/^Evidence \(1\)/)).toBeVisible();

  await page.reload();
  const reloaded = milestoneItem(page, SQL);
  await reloaded.getByRole("button", { name: "Remove Query practice repo" }).click();
  await expect(reloaded.getByText(/^Evidence \(0\)/)).toBeVisible();
  await page.reload();
  await expect(milestoneItem(page, SQL).getByText(/^Evidence \(0\)/)).toBeVisible();
});

test("a note saved in another tab reaches this tab when it is looked at again", async ({ page, learner }) => {
  void learner;
  const other = await page.context().newPage();
  for (const tab of [page, other]) await tab.goto(ROADMAP);

  await milestoneItem(page, SQL)
    .getByText(/^Your notes/)
    .click();
  await milestoneItem(page, SQL)
    .getByRole("textbox", { name: /^Note on/ })
    .fill("Written in the first tab");
  await expect(
    milestoneItem(page, SQL)
      .getByRole("status")
      .filter({ hasText: /^Saved$/ }),
  ).toBeVisible();

  // What a browser does when the learner switches back to the second tab.
  await other.evaluate(() => document.dispatchEvent(new Event("visibilitychange", { bubbles: true })));
  await milestoneItem(other, SQL)
    .getByText(/^Your notes/)
    .click();
  await expect(milestoneItem(other, SQL).getByRole("textbox", { name: /^Note on/ })).toHaveValue(
    "Written in the first tab",
  );
  await expect(
    milestoneItem(other, SQL)
      .getByRole("status")
      .filter({ hasText: "Updated with the version saved in another tab or device." }),
  ).toBeVisible();
});

test("a learner shares a public page of their progress, a visitor sees it without notes, and revoking ends it", async ({
  page,
  learner,
  browser,
}) => {
  await page.goto(ROADMAP);
  const item = milestoneItem(page, SQL);
  const ticked = nextSave(page);
  await item.getByRole("checkbox", { name: SQL }).check();
  await ticked;
  await item.getByText(/^Your notes/).click();
  await item.getByRole("textbox", { name: /^Note on/ }).fill("Private: nervous about interviews");
  await expect(item.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  const share = page.getByRole("region", { name: "Share your progress" });
  await share.getByRole("button", { name: "Create a public link" }).click();
  await expect(share.getByRole("status")).toHaveText("Your public link is ready.");
  const url = await share.getByLabel("Public link").inputValue();
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{32}$/);

  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(url);
  await expect(
    visitorPage.getByRole("heading", { level: 1, name: `${learner.name} on the Backend Developer roadmap` }),
  ).toBeVisible();
  await expect(visitorPage.getByText(SQL)).toBeVisible();
  await expect(visitorPage.getByText("nervous about interviews")).toHaveCount(0);
  await expect(visitorPage.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    `${learner.name} on the Backend Developer roadmap`,
  );
  await expect(visitorPage.locator('meta[property="og:description"]')).toHaveAttribute(
    "content",
    /^1 of \d+ milestones done/,
  );
  const image = await visitorPage.locator('meta[property="og:image"]').getAttribute("content");
  const imageResponse = await visitorPage.request.get(image!);
  expect(imageResponse.status()).toBe(200);
  expect(imageResponse.headers()["content-type"]).toBe("image/png");

  await share.getByRole("button", { name: "Stop sharing" }).click();
  await share.getByRole("button", { name: "Yes, stop sharing" }).click();
  await expect(share.getByRole("status")).toContainText("Sharing stopped");
  await visitorPage.reload();
  await expect(visitorPage.getByRole("heading", { level: 1, name: "No longer shared" })).toBeVisible();
  await expect(visitorPage.getByText(SQL)).toHaveCount(0);
  await visitor.close();
});
