import { expect, newLearner, signUp, test } from "./fixtures";
import { linkIn, mailsTo, VERIFY_EMAIL_SUBJECT, waitForMail } from "./mail";

test("a new account gets a mail whose link confirms the address once", async ({ page, browser }) => {
  const learner = newLearner("Vera Verify");
  await signUp(page, learner);

  const mail = await waitForMail(learner.email, VERIFY_EMAIL_SUBJECT);
  expect(mail.html).toContain("Confirm email address");
  const link = linkIn(mail, "/verify-email");

  // Opened on another device, not signed in: the link alone is enough, and only the button confirms.
  const phone = await browser.newPage();
  await phone.goto(link);
  await expect(phone.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  await expect(phone.getByText(learner.email)).toBeVisible();
  await phone.getByRole("button", { name: "Confirm email address" }).click();
  await expect(phone.getByRole("heading", { name: "Email address confirmed" })).toBeVisible();
  await expect(phone.getByRole("link", { name: "Sign in to your account" })).toBeVisible();

  await phone.goto(link);
  await expect(phone.getByRole("heading", { name: "This link can't be used" })).toBeVisible();
  await expect(phone.getByText("This link has already been used.")).toBeVisible();
  await phone.close();
  expect(await mailsTo(learner.email)).toHaveLength(1);
});

test("a made-up or cut-short link says so plainly", async ({ page }) => {
  await page.goto("/verify-email?token=not-a-real-token");
  await expect(page.getByRole("heading", { name: "This link can't be used" })).toBeVisible();
  await expect(page.getByText("This link isn't valid.")).toBeVisible();
  await page.goto("/verify-email");
  await expect(page.getByRole("heading", { name: "This link can't be used" })).toBeVisible();
});
