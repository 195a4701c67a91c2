import { expect, newLearner, signUp, test } from "./fixtures";

test("a learner searches the catalogue, follows a roadmap from its page, then stops following", async ({ page }) => {
  await signUp(page, newLearner("Cat Alogue"));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Roadmaps" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Roadmaps" })).toBeVisible();

  const search = page.getByRole("searchbox", { name: "Search roadmaps" });
  await search.fill("no roadmap is called this");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/roadmaps\?q=no\+roadmap\+is\+called\+this$/);
  await expect(page.getByRole("heading", { name: "No roadmap matches “no roadmap is called this”" })).toBeVisible();

  await search.fill("BACKEND");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/roadmaps\?q=BACKEND$/);
  await expect(search).toHaveValue("BACKEND");
  const backend = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Backend Developer" }) });
  await expect(backend.getByText("Built in")).toBeVisible();
  await expect(backend.getByRole("button", { name: "Follow Backend Developer" })).toBeVisible();
  await backend.getByRole("link", { name: "Backend Developer" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Backend Developer" })).toBeVisible();
  await page.getByRole("button", { name: "Follow roadmap" }).click();
  await expect(page.getByText("You follow this roadmap.")).toBeVisible();

  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 2, name: "Backend Developer" })).toBeVisible();

  await page.goto("/roadmaps");
  await expect(backend.getByText("Following")).toBeVisible();
  await backend.getByRole("link", { name: "Backend Developer" }).click();

  await page.getByRole("button", { name: "Stop following" }).click();
  await expect(page.getByText(/Your progress, notes and history on it are kept/)).toBeVisible();
  await page.getByRole("button", { name: "Yes, stop following" }).click();
  await expect(page.getByRole("button", { name: "Follow roadmap" })).toBeVisible();

  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "You haven't started a roadmap yet" })).toBeVisible();
  await page.getByRole("link", { name: "Browse roadmaps" }).click();
  await expect(page).toHaveURL(/\/roadmaps$/);
});

test("a learner follows a roadmap straight from the catalogue", async ({ page }) => {
  await signUp(page, newLearner("Fay Follower"));
  await page.goto("/roadmaps");
  const backend = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Backend Developer" }) });
  await backend.getByRole("button", { name: "Follow Backend Developer" }).click();
  await expect(backend.getByText("Following")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 2, name: "Backend Developer" })).toBeVisible();
});

test("someone signed out browses the catalogue and is asked to sign in to follow", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Browse roadmaps" }).click();
  await expect(page.getByRole("link", { name: "Backend Developer", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Follow/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign in", exact: true }).last()).toHaveAttribute(
    "href",
    "/sign-in?next=%2Froadmaps",
  );
});
