import { expect, ROADMAP, test, milestoneItem } from "./fixtures";

const SQL = "Learn SQL and database fundamentals";

test("a note saves itself, survives a failed save without losing a word, and is there after reload", async ({
  page,
  learner,
}) => {
  void learner;
  await page.goto(ROADMAP);
  const item = milestoneItem(page, SQL);
  await item.getByText(/^Your notes/).click();
  const note = item.getByRole("textbox", { name: /^Note on/ });

  await note.fill("Practise **JOINs** on the sample database.");
  await expect(item.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  await page.route(ROADMAP, (route) =>
    route.request().method() === "POST" ? route.abort("connectionrefused") : route.continue(),
  );
  await note.fill("Practise **JOINs** on the sample database.\nThen window functions.");
  const noteStatus = item.getByRole("status").filter({ hasText: "Couldn't save" });
  await expect(noteStatus).toContainText("your text is safe");
  await expect(note).toHaveValue("Practise **JOINs** on the sample database.\nThen window functions.");

  await page.unroute(ROADMAP);
  await item.getByRole("button", { name: "Save now" }).click();
  await expect(item.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  await item.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(item.getByText("JOINs", { exact: true })).toHaveJSProperty("tagName", "STRONG");
  const backToEditing = item.getByRole("button", { name: "Edit", exact: true });
  await expect(backToEditing).toBeVisible();
  await expect(item.getByRole("button", { name: "Preview", exact: true })).toHaveCount(0);
  await backToEditing.click();
  await expect(item.getByRole("textbox", { name: /^Note on/ })).toBeVisible();

  await page.reload();
  const reloaded = milestoneItem(page, SQL);
  await expect(reloaded.getByRole("textbox", { name: /^Note on/ })).toHaveValue(
    "Practise **JOINs** on the sample database.\nThen window functions.",
  );
});

test("text typed just before a filter hides the milestone is saved, not dropped", async ({ page, learner }) => {
  void learner;
  await page.goto(ROADMAP);
  const item = milestoneItem(page, SQL);
  await item.getByText(/^Your notes/).click();
  const saved = page.waitForResponse((response) => response.request().method() === "POST");
  await item.getByRole("textbox", { name: /^Note on/ }).fill("Typed a moment before filtering");
  await page.getByRole("radio", { name: "In progress" }).check({ force: true });
  await saved;
  // Not a reload: the filter is kept in the address, and it still hides the milestone.
  await page.goto(ROADMAP);
  await expect(milestoneItem(page, SQL).getByRole("textbox", { name: /^Note on/ })).toHaveValue(
    "Typed a moment before filtering",
  );
});

test("a note changed in two tabs at once asks which version stays", async ({ page, learner }) => {
  void learner;
  const other = await page.context().newPage();
  for (const tab of [page, other]) await tab.goto(ROADMAP);

  // The second tab is offline while its learner types, so its text stays unsaved.
  await other.route(ROADMAP, (route) =>
    route.request().method() === "POST" ? route.abort("connectionrefused") : route.continue(),
  );
  await milestoneItem(other, SQL)
    .getByText(/^Your notes/)
    .click();
  await milestoneItem(other, SQL)
    .getByRole("textbox", { name: /^Note on/ })
    .fill("Second tab's thoughts");
  await expect(milestoneItem(other, SQL).getByRole("status").filter({ hasText: "Couldn't save" })).toBeVisible();

  await milestoneItem(page, SQL)
    .getByText(/^Your notes/)
    .click();
  await milestoneItem(page, SQL)
    .getByRole("textbox", { name: /^Note on/ })
    .fill("First tab's thoughts");
  await expect(
    milestoneItem(page, SQL)
      .getByRole("status")
      .filter({ hasText: /^Saved$/ }),
  ).toBeVisible();

  await other.evaluate(() => document.dispatchEvent(new Event("visibilitychange", { bubbles: true })));
  await expect(
    milestoneItem(other, SQL).getByRole("status").filter({ hasText: "also changed in another tab or device" }),
  ).toBeVisible();
  await other.unroute(ROADMAP);
  await expect(milestoneItem(other, SQL).getByRole("textbox", { name: /^Note on/ })).toHaveValue(
    "Second tab's thoughts",
  );
  await milestoneItem(other, SQL).getByRole("button", { name: "Keep mine" }).click();
  await expect(
    milestoneItem(other, SQL).getByRole("status").filter({ hasText: "This replaced a newer version" }),
  ).toBeVisible();

  await page.reload();
  await expect(milestoneItem(page, SQL).getByRole("textbox", { name: /^Note on/ })).toHaveValue(
    "Second tab's thoughts",
  );
});
