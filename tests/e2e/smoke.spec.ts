import { expect, nextSave, ROADMAP, test } from "./fixtures";

const MILESTONE = "Understand how the web works";

/*
 * The journey that says a deployment works: sign up (the `learner` fixture, through the real
 * form), tick a milestone, keep it across a reload, see it on the dashboard. It runs in the
 * full suite and alone against a running server (E2E_BASE_URL; `npm run test:standalone`).
 */
test("a new learner ticks a milestone, keeps it after a reload and sees it on the dashboard", async ({
  page,
  learner,
}) => {
  void learner;
  await page.goto(ROADMAP);
  const milestone = page.getByRole("checkbox", { name: MILESTONE });
  const saved = nextSave(page);
  await milestone.check();
  await saved;

  await page.reload();
  await expect(milestone).toBeChecked();

  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  // One of the Foundation stage's 6 milestones, one of the roadmap's 28.
  await expect(page.getByRole("progressbar", { name: "Foundation progress" })).toHaveAttribute("aria-valuenow", "16");
  await expect(page.getByRole("progressbar", { name: "Overall progress" })).toHaveAttribute("aria-valuenow", "3");
});
