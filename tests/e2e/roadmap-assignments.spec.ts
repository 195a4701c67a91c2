import type { Browser, Page } from "@playwright/test";
import { expect, newLearner, signUp, test, type Learner } from "./fixtures";

async function newUserPage(browser: Browser, learner: Learner): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signUp(page, learner);
  return page;
}

test("a mentor assigns a roadmap and the mentee accepts it from the dashboard", async ({ browser }) => {
  const mentor = await newUserPage(browser, newLearner("Maya Mentor"));
  const learner = await newUserPage(browser, newLearner("Leo Learner"));
  await mentor.goto("/mentees");
  await mentor.getByRole("button", { name: "Create invite link" }).click();
  const link = await mentor.getByRole("textbox", { name: "Invite link" }).inputValue();
  await learner.goto(link);
  await learner.getByRole("button", { name: "Accept" }).click();
  await expect(learner).toHaveURL(/\/mentors$/);

  await mentor.goto("/mentees");
  await mentor.getByRole("link", { name: "Leo Learner" }).click();
  const assign = mentor.getByRole("region", { name: "Assign a roadmap" });
  await assign.getByRole("combobox", { name: "Roadmap" }).selectOption({ label: "Backend Developer" });
  await assign.getByRole("button", { name: "Assign roadmap" }).click();
  await expect(
    assign.getByRole("status").filter({ hasText: "Suggested Backend Developer to Leo Learner." }),
  ).toBeVisible();
  await expect(assign.getByText("waiting for an answer")).toBeVisible();

  await learner.goto("/dashboard");
  const assigned = learner.getByRole("region", { name: "Roadmaps assigned to you" });
  await expect(assigned).toContainText("Maya Mentor assigned you Backend Developer.");
  await assigned.getByRole("button", { name: "Accept Backend Developer" }).click();
  await expect(learner).toHaveURL(/\/roadmaps\/backend-developer$/);
  await learner.goto("/dashboard");
  await expect(learner.getByRole("region", { name: "Roadmaps assigned to you" })).toHaveCount(0);

  await mentor.reload();
  await expect(mentor.getByRole("region", { name: "Assign a roadmap" }).getByText("accepted")).toBeVisible();
});
