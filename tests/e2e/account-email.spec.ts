import { serverActionId } from "../../bench/app-server";
import { expect, newLearner, signIn, signUp, test, testClientAddress, type Learner } from "./fixtures";
import { linkIn, mailsTo, VERIFY_EMAIL_SUBJECT, waitForMail } from "./mail";
import type { Page } from "@playwright/test";

const SIGN_UP_ATTEMPT_SUBJECT = "Someone tried to create an account with your address";

function banner(page: Page) {
  return page.getByRole("region", { name: "Confirm your email address" });
}

/** Opens the newest link to this address and presses the button, as its owner would. */
async function confirmFromMail(page: Page, address: string) {
  const mail = await waitForMail(address, VERIFY_EMAIL_SUBJECT);
  await page.goto(linkIn(mail, "/verify-email"));
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await expect(page.getByRole("heading", { name: "Email address confirmed" })).toBeVisible();
}

async function signUpConfirmed(page: Page, learner: Learner) {
  await signUp(page, learner);
  await confirmFromMail(page, learner.email);
}

test("a new account sees a banner until its address is confirmed, and can have the link sent again", async ({
  page,
}) => {
  const learner = newLearner("Bea Banner");
  await signUp(page, learner);
  await expect(banner(page)).toContainText(
    `Please confirm your email address, so we can send you feedback and reminders. We sent a link to ${learner.email}.`,
  );
  await waitForMail(learner.email, VERIFY_EMAIL_SUBJECT);

  await banner(page).getByRole("button", { name: "Resend the link" }).click();
  await expect(banner(page).getByRole("status")).toHaveText("Sent. Check your inbox.");
  await expect.poll(async () => (await mailsTo(learner.email)).length, { timeout: 60_000 }).toBe(2);

  await confirmFromMail(page, learner.email);
  await expect(banner(page)).toHaveCount(0);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
});

test("the name can be changed on /account", async ({ page, learner }) => {
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Name", exact: true });
  await expect(section.getByLabel("Name")).toHaveValue(learner.name);
  await section.getByLabel("Name").fill(" ");
  await section.getByRole("button", { name: "Save name" }).click();
  await expect(section.getByText("Enter your name.")).toBeVisible();
  await section.getByLabel("Name").fill("Grace Hopper");
  await section.getByRole("button", { name: "Save name" }).click();
  await expect(section.getByRole("status")).toHaveText("Name saved.");
  await page.reload();
  await expect(page.getByText(`Signed in as Grace Hopper (${learner.email}).`)).toBeVisible();
});

test("a change of address waits for the new address's link, then the old address is told", async ({ page }) => {
  const learner = newLearner("Max Mover");
  await signUpConfirmed(page, learner);
  const newEmail = `moved-${crypto.randomUUID()}@example.test`;

  await page.goto("/account");
  const section = page.getByRole("region", { name: "Email", exact: true });
  await expect(section).toContainText(`You sign in with ${learner.email}. This address is confirmed.`);
  await section.getByLabel("New email").fill(newEmail);
  await section.getByLabel("Password").fill("not my password");
  await section.getByRole("button", { name: "Change email" }).click();
  await expect(section.getByText("That isn't your password.")).toBeVisible();
  await expect(section.getByLabel("New email")).toHaveValue(newEmail);
  await section.getByLabel("Password").fill(learner.password);
  await section.getByRole("button", { name: "Change email" }).click();
  await expect(section.getByRole("status").last()).toHaveText(`We sent a link to ${newEmail}.`);
  await expect(section).toContainText(`Waiting for you to confirm ${newEmail}.`);
  await expect(section).toContainText(`You sign in with ${learner.email}.`);

  await confirmFromMail(page, newEmail);
  const notice = await waitForMail(learner.email, /^Your Waymark address was changed to /);
  expect(notice.subject).toBe("Your Waymark address was changed to m***@example.test");
  expect(notice.text).toContain("If you didn't");

  await page.goto("/account");
  await expect(section).toContainText(`You sign in with ${newEmail}. This address is confirmed.`);
  await expect(section).not.toContainText("Waiting for you to confirm");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await signIn(page, { email: newEmail, password: learner.password });
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("a waiting change can be sent again or cancelled", async ({ page, learner }) => {
  const newEmail = `waiting-${crypto.randomUUID()}@example.test`;
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Email", exact: true });
  await expect(section).toContainText("This address isn't confirmed yet");
  await section.getByLabel("New email").fill(newEmail);
  await section.getByLabel("Password").fill(learner.password);
  await section.getByRole("button", { name: "Change email" }).click();
  await expect(section).toContainText(`Waiting for you to confirm ${newEmail}.`);
  await waitForMail(newEmail, VERIFY_EMAIL_SUBJECT);

  await section.getByRole("button", { name: "Send the link again" }).click();
  await expect(section.getByText("Sent. Check your inbox.")).toBeVisible();
  await expect.poll(async () => (await mailsTo(newEmail)).length, { timeout: 60_000 }).toBe(2);

  await section.getByRole("button", { name: "Cancel the change" }).click();
  await expect(section).not.toContainText("Waiting for you to confirm");
  await page.goto(linkIn((await mailsTo(newEmail)).at(-1)!, "/verify-email"));
  await expect(page.getByRole("heading", { name: "This link can't be used" })).toBeVisible();
});

test("signing up with an address that has an account gets the plain answer, and its owner a mail", async ({
  page,
  browser,
}) => {
  const owner = newLearner("Olive Owner");
  await signUpConfirmed(page, owner);

  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() } });
  const stranger = await context.newPage();
  await stranger.goto("/sign-up");
  await stranger.getByLabel("Name").fill("Somebody Else");
  await stranger.getByLabel("Email").fill(owner.email);
  await stranger.getByLabel("Password").fill("another long passphrase here");
  await stranger.getByRole("button", { name: "Create account" }).click();
  await expect(stranger.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
  await expect(stranger.getByLabel("Name")).toHaveValue("Somebody Else");
  await context.close();

  const mail = await waitForMail(owner.email, SIGN_UP_ATTEMPT_SUBJECT);
  expect(mail.text).toContain("nothing about your account changed");
  expect(linkIn(mail, "/forgot-password")).toBe("/forgot-password");
  expect(linkIn(mail, "/sign-in")).toBe("/sign-in");
});

test("raw posts to the address change with duplicated fields or no session change nothing", async ({
  page,
  learner,
  playwright,
}) => {
  const request = page.context().request;
  const changeEmail = serverActionId("lib/actions/account-profile.ts", "changeEmailAction");
  const resend = serverActionId("lib/actions/email-verification.ts", "resendVerificationMailAction");
  const first = `dup-a-${crypto.randomUUID()}@example.test`;
  const second = `dup-b-${crypto.randomUUID()}@example.test`;

  // The form's own post, sent with a wrong password, then replayed with its fields sent twice.
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Email", exact: true });
  await section.getByLabel("New email").fill(first);
  await section.getByLabel("Password").fill("not the password");
  const posted = page.waitForRequest(
    (sent) => sent.method() === "POST" && sent.headers()["next-action"] === changeEmail,
  );
  await section.getByRole("button", { name: "Change email" }).click();
  const original = await posted;
  await expect(section.getByText("That isn't your password.")).toBeVisible();
  const contentType = original.headers()["content-type"]!;
  const boundary = /boundary=(.+)$/.exec(contentType)![1]!;
  const body = original.postData()!;
  const closing = `--${boundary}--`;
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  for (const extra of [
    field("1_newEmail", second),
    field("1_emailPassword", "another wrong one") + field("1_newEmail", second),
  ]) {
    const replayed = await request.post("/account", {
      headers: { "Next-Action": changeEmail, "Content-Type": contentType, Accept: "text/x-component" },
      data: body.replace(closing, `${extra}${closing}`),
    });
    expect(replayed.status()).toBeLessThan(500);
    expect(await replayed.text()).toMatch(/That isn't your password\.|This request could not be read\./);
  }

  // Nobody signed in: a typed refusal, and no mail.
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  for (const [id, args] of [
    [resend, "[{}]"],
    [changeEmail, JSON.stringify([{ newEmail: first, emailPassword: learner.password }])],
  ] as const) {
    const response = await anonymous.post("/account", {
      headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: args,
    });
    expect(response.status()).toBeLessThan(500);
    expect(await response.text()).toContain("UNAUTHENTICATED");
  }
  await anonymous.dispose();

  // A real change afterwards is delivered; by then any mail the posts above had queued would have been too.
  const real = `real-${crypto.randomUUID()}@example.test`;
  await section.getByLabel("New email").fill(real);
  await section.getByLabel("Password").fill(learner.password);
  await section.getByRole("button", { name: "Change email" }).click();
  await waitForMail(real, VERIFY_EMAIL_SUBJECT);
  expect(await mailsTo(first)).toEqual([]);
  expect(await mailsTo(second)).toEqual([]);
  await expect(section).toContainText(`You sign in with ${learner.email}.`);
});
