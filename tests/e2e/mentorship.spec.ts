import type { Browser, Page } from "@playwright/test";
import { expect, newLearner, nextSave, ROADMAP, signUp, test, type Learner, milestoneItem } from "./fixtures";

const SQL = "Learn SQL and database fundamentals";

async function newUserPage(browser: Browser, learner: Learner): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, learner);
  return page;
}

async function createInviteLink(page: Page, path: "/mentees" | "/mentors"): Promise<string> {
  await page.goto(path);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = page.getByRole("textbox", { name: "Invite link" });
  await expect(link).toHaveValue(/\/invite\//);
  return link.inputValue();
}

test("a mentor invites, the learner accepts, and they work together on a milestone", async ({ browser }) => {
  const mentor = await newUserPage(browser, newLearner("Maya Mentor"));
  const learner = await newUserPage(browser, newLearner("Leo Learner"));

  const link = await createInviteLink(mentor, "/mentees");
  await expect(mentor.getByText("No mentees yet.")).toBeVisible();

  await learner.goto(link);
  await expect(learner.getByRole("heading", { name: "Maya Mentor would like to mentor you" })).toBeVisible();
  await expect(learner.getByText("What will be shared")).toBeVisible();
  await learner.getByRole("button", { name: "Accept" }).click();
  await expect(learner).toHaveURL(/\/mentors$/);
  await expect(learner.getByText("Maya Mentor", { exact: true })).toBeVisible();

  await learner.goto(ROADMAP);
  const saved = nextSave(learner);
  await learner.getByRole("checkbox", { name: SQL }).check();
  await saved;

  await mentor.goto("/mentees");
  const row = mentor.getByRole("row", { name: /Leo Learner/ });
  await expect(row).toContainText("Backend Developer");
  await expect(row).toContainText("Foundation");
  await row.getByRole("link", { name: "Leo Learner" }).click();
  await expect(mentor.getByRole("heading", { level: 1, name: "Leo Learner" })).toBeVisible();
  await expect(mentor.getByRole("checkbox", { name: SQL })).toBeChecked();
  await expect(mentor.getByRole("checkbox", { name: SQL })).toBeDisabled();
  // Disabled is not enough: with its arrow and pointer a read-only select still looked as if it could be changed.
  const readOnlyStatus = mentor.getByRole("combobox", { name: `Status: ${SQL}` });
  await expect(readOnlyStatus).toBeDisabled();
  await expect(readOnlyStatus).toHaveCSS("cursor", "not-allowed");
  await expect(readOnlyStatus).toHaveCSS("appearance", "none");
  await expect(mentor.getByRole("complementary").getByText(SQL)).toBeVisible();

  const item = milestoneItem(mentor, SQL);
  await item.getByText("Feedback", { exact: false }).first().click();
  await item.getByRole("textbox", { name: /Feedback/ }).fill("Nice work. Try writing a JOIN by hand next.");
  await item.getByRole("button", { name: /Post/ }).click();
  await expect(item.getByText("Nice work. Try writing a JOIN by hand next.")).toBeVisible();
  await item.getByRole("button", { name: /Mark reviewed/ }).click();
  await expect(item.getByText(/Reviewed by Maya Mentor/)).toBeVisible();

  await learner.goto("/dashboard");
  await expect(learner.getByRole("link", { name: "Notifications 2 unread" })).toBeVisible();
  // On a phone the links fold into the Menu, and the count goes with it onto the button.
  await learner.setViewportSize({ width: 390, height: 844 });
  await expect(learner.getByRole("button", { name: "Menu 2 unread notifications" })).toBeVisible();
  await learner.setViewportSize({ width: 1280, height: 720 });
  await learner.goto(ROADMAP);
  const own = milestoneItem(learner, SQL);
  await expect(own.getByText("Nice work. Try writing a JOIN by hand next.")).toBeVisible();
  await expect(own.getByText(/Reviewed by Maya Mentor/)).toBeVisible();
  await own.getByRole("textbox", { name: /Reply/ }).fill("Thanks! Will do.");
  // The reply shows at once; the mentor's notice exists once the server has answered.
  const posted = nextSave(learner, "Thanks! Will do.");
  await own.getByRole("button", { name: /Post/ }).click();
  await expect(own.getByText("Thanks! Will do.")).toBeVisible();
  expect((await posted).ok()).toBe(true);

  await mentor.goto("/notifications");
  const reply = mentor
    .getByRole("listitem")
    .filter({ hasText: "Leo Learner replied on “Learn SQL and database fundamentals”" });
  await expect(reply).toContainText("New");
  await expect(mentor.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await expect(reply).toContainText("New");
  await mentor.reload();
  await expect(reply).not.toContainText("New");
});

async function connectByMentorLink(mentor: Page, learner: Page): Promise<void> {
  const link = await createInviteLink(mentor, "/mentees");
  await learner.goto(link);
  await learner.getByRole("button", { name: "Accept" }).click();
  await expect(learner).toHaveURL(/\/mentors$/);
}

test("the learner ends the mentorship: the mentor is told, and their view is gone at once", async ({ browser }) => {
  const mentor = await newUserPage(browser, newLearner("Maya Mentor"));
  const learner = await newUserPage(browser, newLearner("Lina Learner"));
  const stranger = await newUserPage(browser, newLearner("Sam Stranger"));
  await connectByMentorLink(mentor, learner);

  await mentor.goto("/mentees");
  await mentor.getByRole("link", { name: "Lina Learner" }).click();
  await expect(mentor.getByRole("heading", { level: 1, name: "Lina Learner" })).toBeVisible();
  const menteeUrl = mentor.url();

  await learner.getByRole("button", { name: "End mentorship with Maya Mentor" }).click();
  await learner.getByRole("button", { name: "Yes, end mentorship" }).click();
  await expect(learner.getByText("Nobody: your progress is private to you.")).toBeVisible();

  // The former mentor's old link answers exactly as it does a stranger, and as an id that names nothing.
  const unavailable = async (page: Page, url: string) => {
    const response = await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: "This page isn't available" })).toBeVisible();
    return { status: response?.status(), main: await page.getByRole("main").innerText() };
  };
  const former = await unavailable(mentor, menteeUrl);
  expect(former.status).toBe(404);
  expect(former).toEqual(await unavailable(stranger, menteeUrl));
  expect(former).toEqual(await unavailable(stranger, "/mentees/00000000-0000-4000-8000-000000000000"));
  expect(await mentor.locator("body").innerText()).not.toContain("Lina Learner");
  expect(await mentor.content()).not.toContain("Lina Learner");

  await mentor.goto("/mentees");
  await expect(mentor.getByRole("link", { name: "Lina Learner" })).toHaveCount(0);

  // Told of the end; the earlier invite notification keeps the words it had.
  await mentor.goto("/notifications");
  const items = mentor.getByRole("listitem");
  await expect(items.filter({ hasText: "Lina Learner ended the mentorship" })).toContainText("New");
  await expect(items.filter({ hasText: "Lina Learner accepted your invite: you now mentor them" })).toHaveCount(1);
  await expect(mentor.getByText(/can now see your progress/)).toHaveCount(0);
});

test("the mentor ends the mentorship and the learner is told", async ({ browser }) => {
  const mentor = await newUserPage(browser, newLearner("Maya Mentor"));
  const learner = await newUserPage(browser, newLearner("Lena Learner"));
  await connectByMentorLink(mentor, learner);

  await mentor.goto("/mentees");
  await mentor.getByRole("link", { name: "Lena Learner" }).click();
  await mentor.getByRole("button", { name: "End mentorship with Lena Learner" }).click();
  await mentor.getByRole("button", { name: "Yes, end mentorship" }).click();
  await expect(mentor).toHaveURL(/\/mentees$/);

  await learner.goto("/dashboard");
  await expect(learner.getByRole("link", { name: "Notifications 1 unread" })).toBeVisible();
  await learner.goto("/notifications");
  await expect(
    learner.getByRole("link", { name: "Maya Mentor ended the mentorship: they no longer see your progress" }),
  ).toHaveAttribute("href", "/mentors");
});

test("a mentor declines a learner's invite: it can't be used after, and the learner hears", async ({ browser }) => {
  const learner = await newUserPage(browser, newLearner("Lou Learner"));
  const mentor = await newUserPage(browser, newLearner("Mo Mentor"));
  const link = await createInviteLink(learner, "/mentors");

  await mentor.goto(link);
  await expect(mentor.getByRole("button", { name: "Accept" })).toBeVisible();
  await mentor.getByRole("button", { name: "Decline" }).click();
  const declined = mentor.getByRole("status").filter({ hasText: "You declined the invite." });
  await expect(declined).toContainText("Lou Learner has been told you declined.");
  await expect(mentor.getByRole("button", { name: "Accept" })).toHaveCount(0);

  await mentor.reload();
  await expect(mentor.getByRole("heading", { name: "This invite was declined" })).toBeVisible();
  await expect(mentor.getByRole("button", { name: "Accept" })).toHaveCount(0);

  await learner.goto("/notifications");
  await expect(learner.getByText("Mo Mentor declined your invite to mentor you")).toBeVisible();
  await learner.goto("/mentors");
  await expect(learner.getByText("Links that still work")).toHaveCount(0);
});

test("a mentor opening their own link is told to share it, and offered no Accept", async ({ browser }) => {
  const mentor = await newUserPage(browser, newLearner("Maya Mentor"));
  const link = await createInviteLink(mentor, "/mentees");
  await mentor.goto(link);
  await expect(mentor.getByRole("heading", { level: 1, name: "This is your own invite link" })).toBeVisible();
  await expect(mentor.getByText("Share it with a learner: they accept it, not you.")).toBeVisible();
  await expect(mentor.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await expect(mentor.getByRole("link", { name: "See your mentors" })).toHaveCount(0);
  await mentor.getByRole("link", { name: "See your mentees" }).click();
  await expect(mentor).toHaveURL(/\/mentees$/);
});

test("the menu shows the mentorship pages that apply, and the home page says what mentors get", async ({ browser }) => {
  const user = await newUserPage(browser, newLearner("Nia Newcomer"));
  const menu = user.getByRole("navigation", { name: "Main" });
  await expect(menu.getByRole("link", { name: "Mentors" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Mentees" })).toHaveCount(0);

  await user.goto("/");
  const mentoring = user.getByRole("region", { name: "Learn with a mentor" });
  await expect(mentoring.getByRole("heading", { name: "What a mentor gets" })).toBeVisible();
  await mentoring.getByRole("link", { name: "Start mentoring" }).click();
  await expect(user).toHaveURL(/\/mentees$/);
  await createInviteLink(user, "/mentees");
  await user.reload();
  await expect(menu.getByRole("link", { name: "Mentees" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Mentors" })).toHaveCount(0);

  await user.goto("/");
  await mentoring.getByRole("link", { name: "Invite a mentor" }).click();
  await expect(user).toHaveURL(/\/mentors$/);
  await createInviteLink(user, "/mentors");
  await user.reload();
  await expect(menu.getByRole("link", { name: "Mentors" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Mentees" })).toBeVisible();
});

test("a learner invites a mentor with a single-use link", async ({ browser }) => {
  const learner = await newUserPage(browser, newLearner("Lou Learner"));
  const mentor = await newUserPage(browser, newLearner("Mo Mentor"));
  const latecomer = await newUserPage(browser, newLearner("Late Comer"));
  const link = await createInviteLink(learner, "/mentors");

  await mentor.goto(link);
  await expect(mentor.getByRole("heading", { name: "Lou Learner would like you as their mentor" })).toBeVisible();
  await mentor.getByRole("button", { name: "Accept" }).click();
  await expect(mentor).toHaveURL(/\/mentees\/[0-9a-f-]{36}$/);
  await expect(mentor.getByRole("heading", { level: 1, name: "Lou Learner", exact: true })).toBeVisible();

  await latecomer.goto(link);
  await expect(latecomer.getByRole("heading", { name: "This invite link has already been used" })).toBeVisible();
  await expect(latecomer.getByRole("button", { name: "Accept" })).toHaveCount(0);
});

test("mentee pages answer 404 to everyone but the current mentor", async ({ browser, request }) => {
  const mentor = await newUserPage(browser, newLearner("Maya Mentor"));
  const learner = await newUserPage(browser, newLearner("Lee Learner"));
  const stranger = await newUserPage(browser, newLearner("Sam Stranger"));
  const link = await createInviteLink(mentor, "/mentees");
  await learner.goto(link);
  await learner.getByRole("button", { name: "Accept" }).click();
  await expect(learner).toHaveURL(/\/mentors$/);
  await mentor.goto("/mentees");
  await mentor.getByRole("link", { name: "Lee Learner" }).click();
  await expect(mentor.getByRole("heading", { level: 1, name: "Lee Learner" })).toBeVisible();
  const path = new URL(mentor.url()).pathname;

  expect((await request.get(path)).status(), "anonymous").toBe(404);
  expect((await learner.goto(path))?.status(), "the learner").toBe(404);
  expect((await stranger.goto(path))?.status(), "another user").toBe(404);
  expect((await stranger.goto("/mentees/00000000-0000-4000-8000-000000000000"))?.status(), "no such id").toBe(404);
  expect((await mentor.goto(path))?.status(), "the current mentor").toBe(200);
});

test("an invite shows plainly when signed out, and once revoked says it was withdrawn", async ({ browser }) => {
  const mentor = await newUserPage(browser, newLearner("Maya Mentor"));
  const link = await createInviteLink(mentor, "/mentees");

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { name: "Maya Mentor would like to mentor you" })).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Sign in to accept" })).toBeVisible();

  await mentor.reload();
  await mentor.getByRole("button", { name: /^Revoke/ }).click();
  await expect(mentor.getByText("Links that still work")).toHaveCount(0);
  await visitor.reload();
  await expect(visitor.getByRole("heading", { name: "This invite link was withdrawn" })).toBeVisible();
});

test("the mentee table sorts and filters from its headers and form", async ({ browser }) => {
  const mentor = await newUserPage(browser, newLearner("Maya Mentor"));
  const link = await createInviteLink(mentor, "/mentees");
  for (const name of ["Ada Active", "Bo Busy"]) {
    const learner = await newUserPage(browser, newLearner(name));
    await learner.goto(link);
    await learner.getByRole("button", { name: "Accept" }).click();
    await expect(learner).toHaveURL(/\/mentors$/);
  }
  await mentor.goto("/mentees");
  await mentor.getByRole("link", { name: /^Mentee\s*,\s*sort/ }).click();
  await expect(mentor).toHaveURL(/sort=name/);
  await expect(mentor.getByRole("columnheader", { name: /Mentee/ })).toHaveAttribute(
    "aria-sort",
    /ascending|descending/,
  );
  await mentor.getByLabel("Search by name").fill("bo");
  await mentor.getByRole("button", { name: "Apply" }).click();
  await expect(mentor.getByRole("link", { name: "Bo Busy" })).toBeVisible();
  await expect(mentor.getByRole("link", { name: "Ada Active" })).toHaveCount(0);
});

test("the Needs attention filter finds the mentee the Attention column flags", async ({ browser }) => {
  const mentor = await newUserPage(browser, newLearner("Maya Mentor"));
  const link = await createInviteLink(mentor, "/mentees");
  const [behind] = await Promise.all(
    ["Ada Behind", "Bo New"].map(async (name) => {
      const learner = await newUserPage(browser, newLearner(name));
      await learner.goto(link);
      await learner.getByRole("button", { name: "Accept" }).click();
      await expect(learner).toHaveURL(/\/mentors$/);
      return learner;
    }),
  );
  await behind!.goto(ROADMAP);
  const saved = nextSave(behind!);
  await behind!.getByRole("checkbox", { name: SQL }).check();
  await saved;
  await behind!.goto("/dashboard");
  await behind!.getByText("Adjust your start date, targets and time zone").click();
  await behind!.getByLabel("Start date").fill("2020-01-01");
  await behind!.getByRole("button", { name: "Save pace plan" }).click();
  await expect(behind!.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await mentor.goto("/mentees");
  const flagged = mentor.getByRole("row", { name: /Ada Behind/ });
  await expect(flagged).toContainText("Needs attention");
  await expect(flagged).toContainText("Behind pace");
  await expect(mentor.getByRole("row", { name: /Bo New/ })).toContainText("Not started");

  await mentor.getByLabel("Show").selectOption("attention");
  await mentor.getByRole("button", { name: "Apply" }).click();
  await expect(mentor).toHaveURL(/show=attention/);
  await expect(mentor.getByRole("link", { name: "Ada Behind" })).toBeVisible();
  await expect(mentor.getByRole("link", { name: "Bo New" })).toHaveCount(0);
});

const REDIS = "Implement caching strategies with Redis";

/** A mentor and a learner who follows the Backend Developer roadmap, with the mentee page open for the mentor. */
async function mentorAndLearner(browser: Browser) {
  const mentor = await newUserPage(browser, newLearner("Maya Mentor"));
  const learner = await newUserPage(browser, newLearner("Leo Learner"));
  await learner.goto(await createInviteLink(mentor, "/mentees"));
  await learner.getByRole("button", { name: "Accept" }).click();
  await expect(learner).toHaveURL(/\/mentors$/);
  await learner.goto(ROADMAP);
  const saved = nextSave(learner);
  await learner.getByRole("checkbox", { name: SQL }).check();
  await saved;
  await mentor.goto("/mentees");
  await mentor.getByRole("link", { name: "Leo Learner" }).click();
  await expect(mentor.getByRole("heading", { level: 1, name: "Leo Learner" })).toBeVisible();
  return { mentor, learner };
}

async function post(page: Page, title: string, field: RegExp, text: string) {
  const item = milestoneItem(page, title);
  const summary = item.getByText(/^Feedback/).first();
  if (await summary.isVisible()) {
    if (!(await item.getByRole("textbox", { name: field }).isVisible())) await summary.click();
  }
  await item.getByRole("textbox", { name: field }).fill(text);
  await item.getByRole("button", { name: /^Post/ }).click();
  await expect(item.getByRole("status").filter({ hasText: "Posted." })).toBeVisible();
}

test("a feedback notice leads into the thread, and the dashboard lists it until read", async ({ browser }) => {
  const { mentor, learner } = await mentorAndLearner(browser);
  await post(mentor, REDIS, /Feedback/, "Try **cache-aside** first. <script>window.pwned = true</script>");

  await learner.goto("/dashboard");
  const unread = learner.getByRole("region", { name: "Unread feedback" });
  await unread.getByRole("link", { name: REDIS }).click();
  await expect(learner).toHaveURL(/\/roadmaps\/backend-developer#feedback-[0-9a-f-]{36}$/);
  const thread = learner.getByRole("group", { name: `Feedback on ${REDIS}` });
  await expect(thread).toBeFocused();
  await expect(thread).toBeInViewport();
  // Markdown renders; raw HTML stays the characters typed, and never runs.
  await expect(thread.locator("strong", { hasText: "cache-aside" })).toBeVisible();
  await expect(thread.getByText("<script>window.pwned = true</script>")).toBeVisible();
  await expect(thread.locator("script")).toHaveCount(0);
  expect(await learner.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined();

  await learner.goto("/dashboard");
  await expect(unread.getByText("no unread feedback")).toBeVisible();

  await post(mentor, REDIS, /Feedback/, "And measure the hit rate.");
  await learner.goto("/notifications");
  await learner
    .getByRole("link", { name: `Maya Mentor left feedback on “${REDIS}”` })
    .first()
    .click();
  await expect(thread).toBeFocused();
  await expect(thread).toBeInViewport();
  await expect(thread.getByText("And measure the hit rate.")).toBeVisible();

  await post(learner, REDIS, /Reply/, "Will do.");
  await mentor.goto("/notifications");
  await mentor.getByRole("link", { name: `Leo Learner replied on “${REDIS}”` }).click();
  await expect(mentor).toHaveURL(/\/mentees\/[0-9a-f-]{36}#feedback-[0-9a-f-]{36}$/);
  const mentorThread = mentor.getByRole("group", { name: `Feedback on ${REDIS}` });
  await expect(mentorThread).toBeFocused();
  await expect(mentorThread).toBeInViewport();
  await expect(mentorThread.getByText("Will do.")).toBeVisible();
});

test("authors edit and delete their own messages, and only their own", async ({ browser }) => {
  const { mentor, learner } = await mentorAndLearner(browser);
  await post(mentor, SQL, /Feedback/, "Write a JOIN by hand.");
  await learner.goto(ROADMAP);
  await post(learner, SQL, /Reply/, "On it.");

  const messages = milestoneItem(learner, SQL).getByRole("list", { name: /^Feedback from Maya Mentor/ });
  const [theirs, own] = [messages.getByRole("listitem").nth(0), messages.getByRole("listitem").nth(1)];
  await expect(own).toContainText("On it.");
  await expect(theirs.getByRole("button")).toHaveCount(0);

  await own.getByRole("button", { name: /^Edit/ }).click();
  const editor = own.getByRole("textbox", { name: /Edit your message/ });
  await expect(editor).toBeFocused();
  // A refused edit keeps what was typed.
  await editor.fill("   ");
  await own.getByRole("button", { name: /^Save/ }).click();
  await expect(own.getByRole("alert")).toContainText("Write something first.");
  await expect(editor).toHaveValue("   ");
  await editor.fill("Done: **three** JOINs.");
  await own.getByRole("button", { name: /^Save/ }).click();
  await expect(own.locator("strong", { hasText: "three" })).toBeVisible();
  await expect(own).toContainText("edited");
  await expect(own.getByRole("button", { name: /^Edit/ })).toBeFocused();

  await mentor.reload();
  const reply = milestoneItem(mentor, SQL).getByRole("listitem").filter({ hasText: "JOINs." });
  await expect(reply).toContainText("edited");
  await expect(reply.getByRole("button")).toHaveCount(0);
  const feedback = milestoneItem(mentor, SQL).getByRole("listitem").filter({ hasText: "Write a JOIN by hand." });
  await feedback.getByRole("button", { name: /^Delete/ }).click();
  await feedback.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(milestoneItem(mentor, SQL).getByText("Write a JOIN by hand.")).toHaveCount(0);
  await expect(mentor.getByRole("group", { name: `Feedback on ${SQL}` })).toBeFocused();

  await learner.reload();
  await expect(milestoneItem(learner, SQL).getByText("Write a JOIN by hand.")).toHaveCount(0);
  await expect(milestoneItem(learner, SQL).getByText("JOINs.")).toBeVisible();
});
