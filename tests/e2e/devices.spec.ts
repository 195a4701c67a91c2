import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { cookieHeader, expect, signIn, test, testClientAddress, type Learner } from "./fixtures";

const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const SESSION_COOKIE = "authjs.session-token";

/** What the server makes of a request carrying just this Cookie header (pages stream, so a route answers). */
async function sessionOf(request: APIRequestContext, cookie: string) {
  const response = await request.get("/api/notifications/unread-count", { headers: { cookie } });
  return response.status() === 200 ? "signed in" : `${response.status()} ${(await response.json()).code}`;
}

const SIGNED_OUT = "401 UNAUTHENTICATED";

async function signInElsewhere(browser: Browser, learner: Learner, userAgent?: string) {
  const context = await browser.newContext({ userAgent, extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() } });
  const page = await context.newPage();
  await signIn(page, learner);
  await expect(page).toHaveURL(/\/dashboard$/);
  return { context, page };
}

test("a copy of the cookie is signed out once the learner signs out", async ({ page, request, learner }) => {
  expect(learner.email).toBeTruthy();
  const copied = await cookieHeader(page.context());
  expect(await sessionOf(request, copied)).toBe("signed in");
  const live = await request.get("/api/auth/session", { headers: { cookie: copied } });
  expect(await live.json()).toMatchObject({ user: { email: learner.email } });

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  expect(await sessionOf(request, copied)).toBe(SIGNED_OUT);
  // Nor does Auth.js's own session endpoint show whose it was.
  const session = await request.get("/api/auth/session", { headers: { cookie: copied } });
  expect(await session.json()).toBeNull();
});

test("signing out through Auth.js's own endpoint ends the session on the server too", async ({
  page,
  playwright,
  request,
  learner,
}) => {
  expect(learner.email).toBeTruthy();
  const copied = await cookieHeader(page.context());
  expect(await sessionOf(request, copied)).toBe("signed in");
  const client = await playwright.request.newContext({
    baseURL: new URL(page.url()).origin,
    storageState: await page.context().storageState(),
  });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedOut = await client.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(signedOut.status()).toBeLessThan(400);
  await client.dispose();

  expect(await sessionOf(request, copied)).toBe(SIGNED_OUT);
});

test("a session cookie from before session records, without a session id, counts as signed out", async ({
  page,
  request,
  learner,
}) => {
  const { user, sessionId } = (await (await page.request.get("/api/auth/session")).json()) as {
    user: { id: string };
    sessionId: string;
  };
  const secret = readFileSync(path.join(process.env.E2E_DATA_DIR!, "auth-secret"), "utf8").trim();
  const cookieFor = async (token: Record<string, string>) =>
    `${SESSION_COOKIE}=${await encode({ token, secret, salt: SESSION_COOKIE })}`;
  const claims = { sub: user.id, email: learner.email, name: learner.name };

  // The same claims with this sign-in's session id are accepted: only the missing id differs.
  expect(await sessionOf(request, await cookieFor({ ...claims, sid: sessionId }))).toBe("signed in");
  expect(await sessionOf(request, await cookieFor(claims))).toBe(SIGNED_OUT);
});

test("the account page lists each signed-in device and signs another one out", async ({ page, browser, learner }) => {
  const other = await signInElsewhere(browser, learner, FIREFOX_ON_WINDOWS);

  await page.goto("/account");
  const devices = page.getByRole("region", { name: "Devices" });
  await expect(devices.getByRole("listitem")).toHaveCount(2);
  await expect(devices.getByRole("listitem").first()).toContainText("Chrome on Linux");
  await expect(devices.getByRole("listitem").first()).toContainText("This device");
  await expect(devices.getByRole("listitem").nth(1)).toContainText("Firefox on Windows");
  await expect(devices.getByRole("listitem").nth(1)).toContainText(/Signed in .+ · last active /);
  // Only other devices have a button of their own; this one signs out from the header.
  await expect(devices.getByRole("button", { name: /^Sign out Chrome/ })).toHaveCount(0);

  await devices.getByRole("button", { name: "Sign out Firefox on Windows" }).click();
  await expect(devices.getByRole("status")).toHaveText("Signed out Firefox on Windows.");
  await expect(devices.getByRole("listitem")).toHaveCount(1);
  await expect(devices.getByText("You aren't signed in on any other device.")).toBeVisible();
  await expect(devices.getByRole("heading", { name: "Devices" })).toBeFocused();

  await other.page.goto("/dashboard");
  await expect(other.page).toHaveURL(/\/sign-in/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
  await other.context.close();
});

test("signing out everywhere else keeps only this device, from the keyboard", async ({ page, browser, learner }) => {
  const phone = await signInElsewhere(browser, learner);
  const laptop = await signInElsewhere(browser, learner, FIREFOX_ON_WINDOWS);

  await page.goto("/account");
  const devices = page.getByRole("region", { name: "Devices" });
  await expect(devices.getByRole("listitem")).toHaveCount(3);
  await devices.getByRole("button", { name: "Sign out everywhere else" }).focus();
  await page.keyboard.press("Enter");
  await expect(devices.getByRole("status")).toHaveText("Signed out everywhere else. This device stays signed in.");
  await expect(devices.getByRole("listitem")).toHaveCount(1);
  await expect(devices.getByRole("button", { name: "Sign out everywhere else" })).toHaveCount(0);

  for (const other of [phone, laptop]) {
    await other.page.reload();
    await expect(other.page).toHaveURL(/\/sign-in/);
    await other.context.close();
  }
  await page.reload();
  await expect(page).toHaveURL(/\/account$/);
});
