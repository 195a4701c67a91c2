import { readdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { expect, newLearner, nextSave, ROADMAP, signUp, testClientAddress, type Learner } from "./fixtures";
import { linkIn, VERIFY_EMAIL_SUBJECT, waitForMail } from "./mail";

type Visitor = "visitor" | "learner" | "mentor";
/** Paths known only once the accounts exist. */
type Made = { share: string; invite: string; mentee: string; reset: string; verifyEmail: string; editor: string };

/**
 * Every page as somebody sees it. `route` is the page's folder under app/, so a test can check
 * that a new page is not left out.
 */
export const EVERY_PAGE: { route: string; as: Visitor; path: (made: Made) => string }[] = [
  { route: "(home)", as: "visitor", path: () => "/" },
  { route: "(auth)/sign-in", as: "visitor", path: () => "/sign-in" },
  { route: "(auth)/sign-up", as: "visitor", path: () => "/sign-up" },
  { route: "(auth)/forgot-password", as: "visitor", path: () => "/forgot-password" },
  { route: "(auth)/reset-password", as: "visitor", path: (made) => made.reset },
  { route: "(auth)/verify-email", as: "visitor", path: (made) => made.verifyEmail },
  { route: "(auth)/unsubscribe", as: "visitor", path: () => "/unsubscribe?token=not-a-real-token" },
  { route: "roadmaps/(catalogue)", as: "visitor", path: () => "/roadmaps" },
  { route: "roadmaps/[slug]", as: "visitor", path: () => ROADMAP },
  { route: "roadmaps/[slug]/versions", as: "visitor", path: () => `${ROADMAP}/versions` },
  { route: "share/[token]", as: "visitor", path: (made) => made.share },
  { route: "invite/[token]", as: "visitor", path: (made) => made.invite },
  { route: "not-found", as: "visitor", path: () => "/no-such-page" },
  { route: "(learner)/dashboard", as: "learner", path: () => "/dashboard" },
  { route: "roadmaps/(catalogue)", as: "learner", path: () => "/roadmaps" },
  { route: "roadmaps/[slug]", as: "learner", path: () => ROADMAP },
  { route: "roadmaps/[slug]/versions", as: "learner", path: () => `${ROADMAP}/versions?from=1&to=1` },
  { route: "mentors", as: "learner", path: () => "/mentors" },
  { route: "notifications", as: "learner", path: () => "/notifications" },
  { route: "account", as: "learner", path: () => "/account" },
  { route: "roadmaps/new", as: "learner", path: () => "/roadmaps/new" },
  { route: "roadmaps/[slug]/edit", as: "learner", path: (made) => made.editor },
  { route: "invite/[token]", as: "mentor", path: (made) => made.invite },
  { route: "mentees/(list)", as: "mentor", path: () => "/mentees" },
  { route: "mentees/[id]", as: "mentor", path: (made) => made.mentee },
  { route: "notifications", as: "mentor", path: () => "/notifications" },
];

/** Every page.tsx under app/, as its folder; the bench's own page is not the product's. */
export function pageRoutes(): string[] {
  const app = path.join(process.cwd(), "app");
  const routes = readdirSync(app, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "page.tsx")
    .map((file) => path.dirname(file).split(path.sep).join("/"))
    .filter((route) => !route.startsWith("bench"));
  return [...routes, "not-found"].sort();
}

export type EveryPageAccounts = {
  made: Made;
  storageState: Record<Exclude<Visitor, "visitor">, NonNullable<BrowserContextOptions["storageState"]>>;
};

async function signedUpPage(browser: Browser, learner: Learner): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() } });
  const page = await context.newPage();
  await signUp(page, learner);
  return page;
}

/** A reset link for this account that nobody has used, as its mail gives it. */
async function unusedResetLink(page: Page, email: string): Promise<string> {
  await page.goto("/forgot-password");
  // Signed in, so beside the form is the banner asking to confirm the address ("email" in its name too).
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account uses that address" })).toBeVisible();
  return linkIn(await waitForMail(email, "Reset your Waymark password"), "/reset-password");
}

async function newInviteLink(page: Page, path: "/mentees" | "/mentors"): Promise<string> {
  await page.goto(path);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = page.getByRole("textbox", { name: "Invite link" });
  await expect(link).toHaveValue(/\/invite\//);
  return new URL(await link.inputValue()).pathname;
}

/** The editor of a new roadmap of the learner's, with a stage and a milestone in it. */
async function authoredRoadmap(page: Page): Promise<string> {
  await page.goto("/roadmaps/new");
  await page.getByLabel("Title").fill("Data engineering for people with rather long titles");
  await page.getByRole("button", { name: "Create roadmap" }).click();
  await expect(page).toHaveURL(/\/edit$/);
  await page.getByRole("button", { name: "Add stage" }).click();
  await page.getByLabel("Stage title").fill("Foundations of working with data");
  await page.getByRole("button", { name: "Add milestone" }).click();
  await page.getByLabel("Milestone title").fill("Write SQL queries that join, group and filter");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  return new URL(page.url()).pathname;
}

/**
 * A learner with some progress and a public link, their mentor, and an invite nobody has
 * opened: enough for every page to show real content rather than its empty state. Long names,
 * as some people have, so that a layout test sees them wrap.
 */
export async function prepareEveryPage(browser: Browser): Promise<EveryPageAccounts> {
  const lena = newLearner("Lena Learner with a rather long name");
  const learner = await signedUpPage(browser, lena);
  const mentor = await signedUpPage(browser, newLearner("Mateo Mentor with a rather long name"));

  await learner.goto(ROADMAP);
  const saved = nextSave(learner);
  await learner.getByRole("checkbox", { name: "Understand how the web works" }).check();
  await saved;
  const sharePanel = learner.getByRole("region", { name: "Share your progress" });
  await sharePanel.getByRole("button", { name: "Create a public link" }).click();
  const share = new URL(await sharePanel.getByLabel("Public link").inputValue()).pathname;

  await learner.goto(await newInviteLink(mentor, "/mentees"));
  await learner.getByRole("button", { name: "Accept" }).click();
  await expect(learner).toHaveURL(/\/mentors$/);
  const invite = await newInviteLink(learner, "/mentors");

  await mentor.goto("/mentees");
  await mentor.getByRole("link", { name: /Lena Learner/ }).click();
  await expect(mentor).toHaveURL(/\/mentees\/[0-9a-f-]{36}$/);
  const mentee = new URL(mentor.url()).pathname;
  const editor = await authoredRoadmap(learner);
  const reset = await unusedResetLink(learner, lena.email);
  const verifyEmail = linkIn(await waitForMail(lena.email, VERIFY_EMAIL_SUBJECT), "/verify-email");

  const storageState = {
    learner: await learner.context().storageState(),
    mentor: await mentor.context().storageState(),
  };
  await learner.context().close();
  await mentor.context().close();
  return { made: { share, invite, mentee, reset, verifyEmail, editor }, storageState };
}

/** A browser as `as` on the page, once it is drawn as they would see it: its heading shown, nothing still loading. */
export async function openAs(
  browser: Browser,
  accounts: EveryPageAccounts,
  visit: (typeof EVERY_PAGE)[number],
  options: BrowserContextOptions,
): Promise<Page> {
  const context = await browser.newContext({
    ...options,
    extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() },
    ...(visit.as === "visitor" ? {} : { storageState: accounts.storageState[visit.as] }),
  });
  const page = await context.newPage();
  await page.goto(visit.path(accounts.made));
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
  return page;
}
