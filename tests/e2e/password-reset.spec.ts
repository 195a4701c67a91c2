import { serverActionId } from "../../bench/app-server";
import { expect, newLearner, signIn, signUp, test, testClientAddress, type Learner } from "./fixtures";
import { linkIn, mailsTo, waitForMail } from "./mail";
import type { Browser, Page } from "@playwright/test";

const NEW_PASSWORD = "porridge, kippers and a late train";
const SUBJECT = "Reset your Waymark password";
const CONFIRMATION =
  /If an account uses that address, we've sent it a link to reset the password\. It works for 30 minutes\./;

/** A browser of its own, from an address of its own, signed in to nothing. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() } });
  return context.newPage();
}

/** Asks for a reset link on the forgot-password form and returns the confirmation it shows. */
async function askForLink(page: Page, email: string) {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const confirmation = page.getByRole("status");
  await expect(confirmation).toHaveText(CONFIRMATION);
  await expect(page.getByLabel("Email")).toHaveValue(email);
}

test("a mailed link sets a new password once, and every session ends", async ({ page, browser, learner }) => {
  // `page` is the learner's session from before the reset.
  const visitor = await freshPage(browser);
  await visitor.goto("/sign-in");
  await visitor.getByRole("link", { name: "Forgot password?" }).click();
  await expect(visitor).toHaveURL(/\/forgot-password$/);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Forgot your password?");
  await askForLink(visitor, learner.email);

  const link = linkIn(await waitForMail(learner.email, SUBJECT), "/reset-password");
  expect(link).toMatch(/^\/reset-password\?token=[\w-]{43}$/);
  const opened = await visitor.goto(link);
  expect(opened!.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await expect(visitor.getByText(`For ${learner.email}.`)).toBeVisible();

  const field = visitor.getByLabel("New password");
  await field.fill("password");
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor.getByText("That password is too common and easy to guess. Choose another.")).toBeVisible();
  await expect(field).toHaveValue("password");
  await expect(field).toBeFocused();

  await field.fill(NEW_PASSWORD);
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor).toHaveURL(/\/sign-in\?password=reset$/);
  await expect(visitor.getByRole("status")).toHaveText(
    "Your password has been changed and you've been signed out everywhere. Sign in with your new password.",
  );

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(visitor, learner);
  await expect(visitor.getByRole("alert").filter({ hasText: /email or password/i })).toBeVisible();
  await signIn(visitor, { email: learner.email, password: NEW_PASSWORD });
  await expect(visitor).toHaveURL(/\/dashboard$/);

  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("This reset link has already been used");
  await visitor.getByRole("link", { name: "Send a new link" }).click();
  await expect(visitor).toHaveURL(/\/forgot-password$/);
  await visitor.context().close();
});

test("an address without an account gets the same answer and no mail", async ({ browser }) => {
  const stranger = await freshPage(browser);
  const nobody = newLearner().email;
  await askForLink(stranger, nobody);
  // A known address asked after it: once its mail is in, the unknown one's would have been too.
  const known: Learner = newLearner("Kim Known");
  const owner = await freshPage(browser);
  await signUp(owner, known);
  await askForLink(stranger, known.email);
  await waitForMail(known.email, SUBJECT);
  expect(await mailsTo(nobody)).toEqual([]);
  await stranger.context().close();
  await owner.context().close();
});

test("a garbled, missing or repeated token says the link doesn't work and offers a new one", async ({ page }) => {
  for (const path of [
    "/reset-password?token=not-a-real-token",
    `/reset-password?token=${"A".repeat(43)}`,
    "/reset-password",
    "/reset-password?token=a&token=b",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("This reset link doesn't work");
    await expect(page.getByRole("link", { name: "Send a new link" })).toHaveAttribute("href", "/forgot-password");
  }
});

test("the forgot-password form says what is wrong with the address and keeps it", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill("not an address");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("not an address");
  await expect(page.getByLabel("Email")).toBeFocused();
});

test("raw posts to the reset actions with forged, duplicated or malformed fields get a typed refusal, never a 5xx", async ({
  page,
  learner,
}) => {
  const reset = serverActionId("lib/actions/password-reset.ts", "resetPasswordAction");
  const request = serverActionId("lib/actions/password-reset.ts", "requestPasswordResetAction");
  const forged = "A".repeat(43);
  const multipart = (parts: [string, string][]) =>
    parts.map(([name, value]) => `--x\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") +
    "--x--\r\n";
  const posts: { action: string; contentType: string; body: string; refused?: boolean }[] = [
    ...[
      `[{"token":"${forged}","newPassword":"${NEW_PASSWORD}"}]`,
      `[{"token":"${forged}","token":"${"B".repeat(43)}","newPassword":"${NEW_PASSWORD}"}]`,
      `[{"token":["${forged}"],"newPassword":"${NEW_PASSWORD}"}]`,
      `[{"token":{"$ne":null},"newPassword":"${NEW_PASSWORD}"}]`,
      `[{"token":"${forged}","newPassword":["${NEW_PASSWORD}"]}]`,
      `[{"token":"${forged}"}]`,
      `[{"token":"${"x".repeat(100_000)}","newPassword":"${NEW_PASSWORD}"}]`,
      "[null]",
      "[]",
      "{",
    ].map((body) => ({ action: reset, contentType: "text/plain;charset=UTF-8", body, refused: true })),
    {
      action: reset,
      refused: true,
      contentType: "multipart/form-data; boundary=x",
      body: multipart([
        ["0", '["$K1"]'],
        ["1_token", forged],
        ["1_token", "C".repeat(43)],
        ["1_newPassword", NEW_PASSWORD],
        ["1_newPassword", "short"],
      ]),
    },
    ...[
      `[{"email":"${learner.email}","email":"${learner.email}"}]`,
      `[{"email":["${learner.email}"]}]`,
      `[{"email":{"toString":"${learner.email}"}}]`,
      "[{}]",
    ].map((body) => ({ action: request, contentType: "text/plain;charset=UTF-8", body })),
    {
      action: request,
      contentType: "multipart/form-data; boundary=x",
      body: multipart([
        ["0", '["$K1"]'],
        ["1_email", learner.email],
        ["1_email", "not an address"],
      ]),
    },
  ];
  const api = page.context().request;
  for (const { action, contentType, body, refused } of posts) {
    const response = await api.post("/sign-in", {
      headers: { "Next-Action": action, "Content-Type": contentType, Accept: "text/x-component" },
      data: body,
      maxRedirects: 0,
    });
    expect(response.status(), body.slice(0, 200)).toBeLessThan(500);
    // Forged tokens set no password: each is refused in words (or, unreadable, by the proxy).
    if (refused && response.status() === 200) expect(await response.text(), body.slice(0, 200)).toContain('"ok":false');
  }
  // Nothing above changed the password: the learner still signs in with it.
  await page.context().clearCookies();
  await signIn(page, learner);
  await expect(page).toHaveURL(/\/dashboard$/);
});
