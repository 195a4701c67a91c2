import { expect, ROADMAP, test } from "./fixtures";

const SQL = "Learn SQL and database fundamentals";

test("a note saves itself, survives a failed save without losing a word, and is there after reload", async ({
  page,
  learner,
}) => {
  void learner;
  await page.goto(ROADMAP);
  const item = page.getByRole("listitem").filter({ has: page.getByRole("checkbox", { name: SQL }) });
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

  await item.getByRole("button", { name: "Preview" }).click();
  await expect(item.getByText("JOINs", { exact: true })).toHaveJSProperty("tagName", "STRONG");

  await page.reload();
  const reloaded = page.getByRole("listitem").filter({ has: page.getByRole("checkbox", { name: SQL }) });
  await expect(reloaded.getByRole("textbox", { name: /^Note on/ })).toHaveValue(
    "Practise **JOINs** on the sample database.\nThen window functions.",
  );
});
