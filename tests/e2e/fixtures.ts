import { randomUUID } from "node:crypto";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

export type Learner = { name: string; email: string; password: string };

export function newLearner(name = "Ada Lovelace"): Learner {
  return { name, email: `e2e-${randomUUID()}@example.test`, password: "tea, biscuits and a long walk" };
}

export async function signUp(page: Page, learner: Learner): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(learner.name);
  await page.getByLabel("Email").fill(learner.email);
  await page.getByLabel("Password").fill(learner.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

export async function signIn(page: Page, learner: Pick<Learner, "email" | "password">): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(learner.email);
  await page.getByLabel("Password").fill(learner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The context's cookies as a Cookie header: raw requests answered as this browser would be. */
export async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/** An address from the range set aside for tests (198.18.0.0/15). */
export function testClientAddress(): string {
  const byte = () => Math.floor(Math.random() * 256);
  return `198.${18 + Math.floor(Math.random() * 2)}.${byte()}.${byte()}`;
}

/**
 * `learner`: a fresh account, signed in on `page`, made through the real sign-up form.
 * Each test comes from its own client address, as the proxy in front would report it (the
 * test server trusts one proxy), so the per-address abuse limits see different people, as
 * they would in real use.
 */
export const test = base.extend<{ learner: Learner }>({
  extraHTTPHeaders: async ({}, provide) => {
    await provide({ "X-Forwarded-For": testClientAddress() });
  },
  learner: async ({ page }, provide) => {
    const learner = newLearner();
    await signUp(page, learner);
    await provide(learner);
  },
});

export { expect };

/** Resolves when the next server action posted from the page has answered. */
/**
 * The answer to the next server action posted, or, with `bodyIncludes`, to the next one whose
 * body holds that text. The page posts one action at a time, so after several quick changes
 * the next answer may be an earlier change's: wait for the last one by what it carries.
 */
export function nextSave(page: Page, bodyIncludes?: string) {
  return page.waitForResponse(
    (response) =>
      response.request().method() === "POST" &&
      response.request().headers()["next-action"] !== undefined &&
      (bodyIncludes === undefined || (response.request().postData() ?? "").includes(bodyIncludes)),
  );
}

export const ROADMAP = "/roadmaps/backend-developer";

/** A milestone's card on the roadmap, found as a screen reader would: by its checkbox's name. */
export function milestoneItem(page: Page, title: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("checkbox", { name: title }) });
}
