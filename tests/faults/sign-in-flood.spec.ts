/*
 * Password guessing against the app as shipped. With no proxy configured, a forged
 * X-Forwarded-For header changes nothing: each client is its connection. Behind a proxy,
 * a flood of 16 guesses a second from ever-new addresses, half at one account and half at
 * random emails (each of those costs a password hash), leaves the account's owner able to
 * sign in from their own browser and the server answering its health check.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, startAppServer, type AppServer } from "../../bench/app-server";
import { newLearner, signIn, signUp, testClientAddress } from "../e2e/fixtures";

const GUESSES_PER_SECOND = 16;
const FLOOD_SECONDS = 15;

let app: AppServer | null = null;
let dataDir = "";

test.beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "waymark-flood-"));
});

test.afterEach(async () => {
  await app?.stop();
  app = null;
  rmSync(dataDir, { recursive: true, force: true });
});

/** A raw guess at the credentials endpoint, with a CSRF token of its own, claiming some address. */
async function guess(baseUrl: string, email: string, password: string, forwardedFor: string): Promise<number> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, "X-Forwarded-For": forwardedFor },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  await response.arrayBuffer();
  return response.status;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

/** Health-check latencies, one check at a time, until `stop` resolves. */
async function healthLatencies(baseUrl: string, stop: Promise<unknown>): Promise<number[]> {
  let stopped = false;
  void stop.then(() => (stopped = true));
  const latencies: number[] = [];
  while (!stopped) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/health`);
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return latencies.sort((a, b) => a - b);
}

test("with no proxy configured, a forged X-Forwarded-For escapes no per-address limit", async ({ browser }) => {
  app = await startAppServer({ port: await freePort(), database: { dataDir }, quiet: true, benchRoutes: false });
  const baseUrl = app.baseUrl;

  const statuses: number[] = [];
  for (let count = 0; count < 31; count++) {
    statuses.push(await guess(baseUrl, newLearner().email, "guess", testClientAddress()));
  }
  expect(statuses.slice(0, 30)).not.toContain(429);
  expect(statuses[30]).toBe(429);

  // Ten new accounts an hour per address, whatever address each sign-up claims.
  for (let count = 1; count <= 11; count++) {
    const context = await browser.newContext({
      baseURL: baseUrl,
      extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() },
    });
    const page = await context.newPage();
    if (count <= 10) {
      await signUp(page, newLearner());
    } else {
      const learner = newLearner();
      await page.goto("/sign-up");
      await page.getByLabel("Name").fill(learner.name);
      await page.getByLabel("Email").fill(learner.email);
      await page.getByLabel("Password").fill(learner.password);
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(
        page.getByText(/^Too many new accounts from your network\. Try again in \d+ minutes?\.$/),
      ).toBeVisible();
    }
    await context.close();
  }
});

test("a flood of guesses from many addresses: the owner still signs in, and the server keeps answering", async ({
  browser,
}) => {
  app = await startAppServer({
    port: await freePort(),
    database: { dataDir },
    quiet: true,
    benchRoutes: false,
    trustProxy: 1,
  });
  const baseUrl = app.baseUrl;
  const context = await browser.newContext({
    baseURL: baseUrl,
    extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() },
  });
  const page = await context.newPage();
  const owner = newLearner();
  await signUp(page, owner);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  const idle = await healthLatencies(baseUrl, new Promise((resolve) => setTimeout(resolve, 3_000)));

  const answers = new Map<number, number>();
  const flood = (async () => {
    const guesses: Promise<void>[] = [];
    for (let count = 0; count < GUESSES_PER_SECOND * FLOOD_SECONDS; count++) {
      const email = count % 2 === 0 ? owner.email : `stuffed-${randomBytes(6).toString("hex")}@example.test`;
      guesses.push(
        guess(baseUrl, email, `guess ${count}`, testClientAddress()).then((status) => {
          answers.set(status, (answers.get(status) ?? 0) + 1);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 1000 / GUESSES_PER_SECOND));
    }
    await Promise.all(guesses);
  })();
  const [during] = await Promise.all([
    healthLatencies(baseUrl, flood),
    (async () => {
      // Mid-flood, from the browser the owner signed up in.
      await new Promise((resolve) => setTimeout(resolve, (FLOOD_SECONDS * 1000) / 2));
      await signIn(page, owner);
      await expect(page).toHaveURL(/\/dashboard$/);
    })(),
  ]);
  await context.close();

  expect(answers.get(500) ?? 0).toBe(0);
  expect(answers.get(429) ?? 0).toBeGreaterThan(0);
  const ms = (value: number) => `${Math.round(value)} ms`;
  console.info(
    `Health check with no load: p50 ${ms(percentile(idle, 0.5))}, p99 ${ms(percentile(idle, 0.99))} (${idle.length} checks); ` +
      `during ${GUESSES_PER_SECOND} guesses/s for ${FLOOD_SECONDS} s: p50 ${ms(percentile(during, 0.5))}, ` +
      `p99 ${ms(percentile(during, 0.99))} (${during.length} checks). Guesses answered: ` +
      [...answers].map(([status, count]) => `${status}×${count}`).join(", "),
  );
});
