import { expect, signIn, test } from "./fixtures";

test("changing the password keeps this browser signed in and ends the other sessions", async ({
  page,
  browser,
  learner,
}) => {
  const otherDevice = await browser.newContext();
  const otherPage = await otherDevice.newPage();
  await signIn(otherPage, learner);
  await expect(otherPage).toHaveURL(/\/dashboard$/);

  await page.goto("/account");
  const section = page.getByRole("region", { name: "Password" });
  await section.getByLabel("Current password").fill("not my password at all");
  await section.getByLabel("New password", { exact: true }).fill("marmalade on a rainy tuesday");
  await section.getByLabel("New password again").fill("marmalade on a rainy tuesday");
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(section.getByText("That isn't your current password.")).toBeVisible();

  await section.getByLabel("Current password").fill(learner.password);
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(section.getByRole("status")).toHaveText(
    "Password changed. You've been signed out on your other devices.",
  );
  await expect(section.getByLabel("New password", { exact: true })).toHaveValue("");

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
  await otherPage.goto("/dashboard");
  await expect(otherPage).toHaveURL(/\/sign-in/);

  await signIn(otherPage, learner);
  await expect(otherPage.getByRole("alert").filter({ hasText: /email or password/i })).toBeVisible();
  await signIn(otherPage, { email: learner.email, password: "marmalade on a rainy tuesday" });
  await expect(otherPage).toHaveURL(/\/dashboard$/);
  await otherDevice.close();
});

test("deleting the account asks for the password, then removes it for good", async ({ page, learner }) => {
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Delete account" });
  await section.getByLabel("Your password").fill("wrong password here");
  await section.getByLabel("Delete my account and all my data").check();
  await section.getByRole("button", { name: "Delete account" }).click();
  await expect(section.getByRole("alert")).toBeVisible();
  await expect(page).toHaveURL(/\/account$/);

  await section.getByLabel("Your password").fill(learner.password);
  await section.getByRole("button", { name: "Delete account" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Your account and everything in it have been deleted." }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await signIn(page, learner);
  await expect(page.getByRole("alert").filter({ hasText: /email or password/i })).toBeVisible();
});
