/*
 * Password guessing as an attacker would try it: raw posts to Auth.js's endpoint with
 * repeated fields, JSON dressed as a form, a new address on each request — and what the
 * account's owner sees meanwhile.
 */
import type { APIRequestContext } from "@playwright/test";
import { expect, newLearner, signIn, signUp, test, testClientAddress } from "./fixtures";

/** A raw post to the credentials endpoint with a valid CSRF token, from a new address each time. */
async function guess(request: APIRequestContext, body: string, contentType = "application/x-www-form-urlencoded") {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    headers: { "Content-Type": contentType, "X-Forwarded-For": testClientAddress() },
    data: body.replace("CSRF", encodeURIComponent(csrfToken)),
    maxRedirects: 0,
  });
}

/** Wrong guesses until the wait is at least two seconds, so that the next attempt surely falls inside it. */
async function guessUntilSlowedDown(request: APIRequestContext, form: string) {
  let waitSeconds = 0;
  for (let count = 0; count < 200 && waitSeconds < 2; count++) {
    const response = await guess(request, `${form}&password=guess${count}`);
    if (response.status() === 429) waitSeconds = Number(response.headers()["retry-after"]);
  }
  expect(waitSeconds).toBeGreaterThanOrEqual(2);
}

test("a repeated email field or a form that is also JSON is refused before any password is checked", async ({
  request,
}) => {
  const victim = newLearner();
  const repeated = await guess(
    request,
    `email=decoy@x.test&email=${encodeURIComponent(victim.email)}&password=guess&csrfToken=CSRF`,
  );
  expect(repeated.status()).toBe(400);
  expect(await repeated.json()).toMatchObject({ code: "INVALID_INPUT", error: "The field “email” is sent twice." });
  const polyglot = await guess(
    request,
    JSON.stringify({ email: victim.email, password: "guess", csrfToken: "CSRF" }),
    "application/x-www-form-urlencoded; x=application/json",
  );
  expect(polyglot.status()).toBe(400);
  expect((await guess(request, "email=a@x.test&password=p", "application/json")).status()).toBe(400);
});

test("guesses at one email from ever-new addresses are slowed down, and can't be spread over decoys", async ({
  request,
}) => {
  const victim = newLearner();
  const statuses: number[] = [];
  for (let count = 0; count < 12; count++) {
    const response = await guess(
      request,
      `email=decoy${count}@x.test&password=guess&csrfToken=CSRF&email=${encodeURIComponent(victim.email)}`,
    );
    statuses.push(response.status());
  }
  expect(statuses.every((status) => status === 400)).toBe(true);
  for (let count = 0; count < 12; count++) {
    statuses.push(
      (await guess(request, `email=${encodeURIComponent(victim.email)}&password=guess&csrfToken=CSRF`)).status(),
    );
  }
  expect(statuses).toContain(429);
});

test("during a flood of guesses at an account, its owner's browser still signs in; other browsers are made to wait", async ({
  page,
  request,
}) => {
  const owner = newLearner();
  await signUp(page, owner);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  const ownerForm = `email=${encodeURIComponent(owner.email)}&csrfToken=CSRF`;
  await guessUntilSlowedDown(request, ownerForm);
  // Even the right password, from a browser that never signed in to the account.
  const stranger = await guess(request, `${ownerForm}&password=${encodeURIComponent(owner.password)}`);
  expect(stranger.status()).toBe(429);
  expect(await stranger.json()).toMatchObject({
    code: "RATE_LIMITED",
    error: expect.stringMatching(/^Too many sign-in attempts for this email address\. Try again in \d+ seconds?\.$/),
  });

  await signIn(page, owner);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("a browser that knew the old password is trusted no more once the password changes", async ({
  page,
  browser,
  request,
}) => {
  const owner = newLearner();
  await signUp(page, owner);
  const other = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() } });
  const before = await other.newPage();
  await signIn(before, owner);
  await expect(before).toHaveURL(/\/dashboard$/);
  await before.getByRole("button", { name: "Sign out", exact: true }).click();

  const newPassword = "a brand new passphrase for spring";
  await page.goto("/account");
  await page.getByLabel("Current password").fill(owner.password);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/password (is )?changed/i)).toBeVisible();

  const ownerForm = `email=${encodeURIComponent(owner.email)}&csrfToken=CSRF`;
  await guessUntilSlowedDown(request, ownerForm);
  // The other browser, with its device cookie and even the new password, waits like a stranger.
  const fromOther = await guess(other.request, `${ownerForm}&password=${encodeURIComponent(newPassword)}`);
  expect(fromOther.status()).toBe(429);
  await other.close();
});

test("over HTTPS the device cookie is a __Host- cookie: secure, for the whole site, bound to this host", async ({
  request,
  learner,
}) => {
  // As behind a proxy that terminates TLS: Auth.js's own cookies are then __Secure- ones, sent back by hand.
  const https = { "X-Forwarded-Proto": "https" };
  const csrf = await request.get("/api/auth/csrf", { headers: https });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf
    .headersArray()
    .filter(({ name }) => name.toLowerCase() === "set-cookie")
    .map(({ value }) => value.split(";")[0])
    .join("; ");
  const response = await request.post("/api/auth/callback/credentials", {
    headers: { ...https, Cookie: csrfCookie },
    form: { csrfToken, email: learner.email, password: learner.password },
    maxRedirects: 0,
  });
  const device = response
    .headersArray()
    .filter(({ name }) => name.toLowerCase() === "set-cookie")
    .map(({ value }) => value)
    .find((value) => value.includes("waymark-device="));
  expect(device).toMatch(/^__Host-waymark-device=/);
  expect(device).toMatch(/; Secure/i);
  expect(device).toMatch(/; Path=\//i);
  expect(device).not.toMatch(/; Domain=/i);
  expect(device).toMatch(/; HttpOnly/i);
});
