import type { Page } from "@playwright/test";
import { expect, newLearner, nextSave, signIn, signUp, test, testClientAddress } from "./fixtures";

test("a new learner signs up and lands on an empty dashboard", async ({ page }) => {
  const learner = newLearner("Grace Hopper");
  await signUp(page, learner);
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Grace Hopper" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "You haven't started a roadmap yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Browse roadmaps" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
});

test("sign-up explains a weak password and a taken email, keeping what was typed", async ({ page, browser }) => {
  const learner = newLearner();
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(learner.name);
  await page.getByLabel("Email").fill(learner.email);
  await page.getByLabel("Password").fill("password1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("That password is too common and easy to guess. Choose another.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveValue(learner.name);
  await expect(page.getByLabel("Email")).toHaveValue(learner.email);

  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters.").last()).toBeVisible();

  const other = await browser.newPage();
  await signUp(other, learner);
  await other.close();
  await page.getByLabel("Password").fill(learner.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("a wrong password is refused without saying which part was wrong", async ({ page, browser }) => {
  const learner = newLearner();
  const setup = await browser.newPage();
  await signUp(setup, learner);
  await setup.close();

  await signIn(page, { email: learner.email, password: "not my password" });
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(learner.email);

  await signIn(page, { email: "nobody-here@example.test", password: learner.password });
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();

  await signIn(page, learner);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?next=(%2F|\/)dashboard$/);
});

test("signing in works before any JavaScript has run: the form posts as a plain HTML form", async ({
  browser,
  page,
}) => {
  const learner = newLearner();
  await signUp(page, learner);
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() },
  });
  const noScript = await context.newPage();
  await signIn(noScript, { email: learner.email, password: "not my password" });
  await expect(noScript.getByText("Email or password is incorrect.")).toBeVisible();
  await signIn(noScript, learner);
  await expect(noScript).toHaveURL(/\/dashboard$/);
  await context.close();
});

test("signing out everywhere ends the learner's other sessions too", async ({ page, browser, learner }) => {
  const otherDevice = await browser.newContext();
  const otherPage = await otherDevice.newPage();
  await signIn(otherPage, learner);
  await expect(otherPage).toHaveURL(/\/dashboard$/);

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere", exact: true }).click();
  await expect(page.getByText("You are signed out on every device.")).toBeVisible();

  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await otherDevice.close();
});

test("a failed sign-in with another provider is explained on the sign-in page", async ({ page }) => {
  await page.goto("/sign-in?error=OAuthAccountNotLinked");
  await expect(page.getByRole("alert").filter({ hasText: "This email already has a Waymark account." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("every page refuses to be framed by another site", async ({ request }) => {
  const response = await request.get("/roadmaps/backend-developer");
  expect(response.headers()["x-frame-options"]).toBe("DENY");
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("repeated wrong passwords for one email are slowed with a clear message, whether or not it has an account", async ({
  page,
}) => {
  const stranger = newLearner();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(stranger.email);
  const slowedDown = page.getByRole("alert").filter({
    hasText: /^Too many sign-in attempts for this email address\. Try again in \d+ (second|minute)s?\.$/,
  });
  // Five free attempts, then each must wait twice as long as the last: 1 s, 2 s, 4 s… Typing
  // faster than that is slowed down, however slow this machine is.
  for (let count = 1; count <= 12 && !(await slowedDown.isVisible()); count++) {
    await page.getByLabel("Password").fill(`guess number ${count}`);
    const answered = nextSave(page);
    await page.getByRole("button", { name: "Sign in" }).click();
    await answered;
    if (count <= 5) {
      await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
    }
  }
  await expect(slowedDown).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(stranger.email);
});

test("password sign-ins posted straight to Auth.js get 429 and Retry-After past the limit for an address", async ({
  request,
}) => {
  const headers = { "X-Forwarded-For": testClientAddress() };
  const attempt = () =>
    request.post("/api/auth/callback/credentials", {
      headers,
      form: { email: newLearner().email, password: "not the password" },
      maxRedirects: 0,
    });
  for (let count = 1; count <= 30; count++) expect((await attempt()).status()).not.toBe(429);
  const refused = await attempt();
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.json()).toMatchObject({
    code: "RATE_LIMITED",
    error: expect.stringMatching(/^Too many sign-in attempts from your network\. Try again in \d+ minutes?\.$/),
  });
});

test("Auth.js redirects to the address the browser used, not the one the server listens on", async ({
  request,
  baseURL,
}) => {
  const own = new URL(baseURL!).origin;
  const signInPage = await request.get("/api/auth/signin", { maxRedirects: 0 });
  expect(new URL(signInPage.headers().location!, own).searchParams.get("callbackUrl")).toBe(own);

  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const wrongPassword = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: newLearner().email, password: "not the password" },
    maxRedirects: 0,
  });
  expect(wrongPassword.headers().location).toBe(`${own}/sign-in?error=CredentialsSignin&code=credentials`);
  const signOut = await request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(signOut.headers().location).toBe(own);

  // Behind a proxy, the public host and protocol it forwards.
  const forwarded = await request.get("/api/auth/signin", {
    headers: { "X-Forwarded-Host": "waymark.example", "X-Forwarded-Proto": "https" },
    maxRedirects: 0,
  });
  expect(new URL(forwarded.headers().location!, own).searchParams.get("callbackUrl")).toBe("https://waymark.example");
});

/*
 * Browsers and the URL parser drop a `.` segment, so these next addresses normalise to
 * `//evil.example`, which a browser reads as another host. The other site answers here, so a
 * test that strays would land somewhere and fail on the address, not on a network error.
 */
const OFF_SITE_NEXT = ["/.//evil.example", "/%2e//evil.example", "/%252e//evil.example", "/a/..//evil.example"];

async function answerForOtherSites(page: Page) {
  await page.context().route(
    (url) => url.hostname === "evil.example",
    (route) => route.fulfill({ contentType: "text/html", body: "<h1>Another site</h1>" }),
  );
}

test("a signed-in visitor sent to sign-in with a next address on another site stays on this site", async ({
  page,
  learner,
  baseURL,
}) => {
  await answerForOtherSites(page);
  for (const next of OFF_SITE_NEXT) {
    await page.goto(`/sign-in?next=${next}`);
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${learner.name}` })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await expect(page).toHaveURL(/\/dashboard$/);
  }
});

test("signing in or up with a next address on another site lands on this site", async ({ page, browser, baseURL }) => {
  await answerForOtherSites(page);
  const learner = newLearner("Edsger Dijkstra");
  const setup = await browser.newPage({ extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() } });
  await signUp(setup, learner);
  await setup.close();
  for (const next of OFF_SITE_NEXT.slice(0, 2)) {
    await page.goto(`/sign-in?next=${next}`);
    await page.getByLabel("Email").fill(learner.email);
    await page.getByLabel("Password").fill(learner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${learner.name}` })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  }

  const newcomer = newLearner("Barbara Liskov");
  await page.goto(`/sign-up?next=${OFF_SITE_NEXT[0]}`);
  await page.getByLabel("Name").fill(newcomer.name);
  await page.getByLabel("Email").fill(newcomer.email);
  await page.getByLabel("Password").fill(newcomer.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${newcomer.name}` })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test("a next address on this site is where signing in lands", async ({ page, browser }) => {
  const learner = newLearner();
  const setup = await browser.newPage({ extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() } });
  await signUp(setup, learner);
  await setup.close();
  await page.goto(`/sign-in?next=${encodeURIComponent("/roadmaps/backend-developer?x=1#m")}`);
  await page.getByLabel("Email").fill(learner.email);
  await page.getByLabel("Password").fill(learner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/roadmaps\/backend-developer\?x=1#m$/);
  await expect(page.getByRole("heading", { level: 1, name: "Backend Developer" })).toBeVisible();
});
