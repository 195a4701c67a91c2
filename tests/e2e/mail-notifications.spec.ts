import type { Browser, Page } from "@playwright/test";
import type { CaughtMail } from "../mail/mail-catcher";
import { expect, milestoneItem, newLearner, nextSave, ROADMAP, signUp, test, type Learner } from "./fixtures";
import { linkIn, mailsTo, VERIFY_EMAIL_SUBJECT, waitForMail } from "./mail";

const SQL = "Learn SQL and database fundamentals";

async function signedUp(browser: Browser, name: string): Promise<{ page: Page; account: Learner }> {
  const page = await (await browser.newContext()).newPage();
  const account = newLearner(name);
  await signUp(page, account);
  return { page, account };
}

/** A learner who confirmed their address from the mail, with SQL done, and their mentor on their page. */
async function mentorAndConfirmedLearner(browser: Browser) {
  const { page: mentor } = await signedUp(browser, "Maya Mentor");
  const { page: learner, account } = await signedUp(browser, "Leo Learner");
  await learner.goto(linkIn(await waitForMail(account.email, VERIFY_EMAIL_SUBJECT), "/verify-email"));
  await learner.getByRole("button", { name: "Confirm email address" }).click();
  await expect(learner.getByRole("heading", { name: "Email address confirmed" })).toBeVisible();

  await mentor.goto("/mentees");
  await mentor.getByRole("button", { name: "Create invite link" }).click();
  const link = mentor.getByRole("textbox", { name: "Invite link" });
  await expect(link).toHaveValue(/\/invite\//);
  await learner.goto(await link.inputValue());
  await learner.getByRole("button", { name: "Accept" }).click();
  await expect(learner).toHaveURL(/\/mentors$/);
  await learner.goto(ROADMAP);
  const saved = nextSave(learner);
  await learner.getByRole("checkbox", { name: SQL }).check();
  await saved;
  await mentor.goto("/mentees");
  await mentor.getByRole("link", { name: "Leo Learner" }).click();
  await expect(mentor.getByRole("heading", { level: 1, name: "Leo Learner" })).toBeVisible();
  return { mentor, learner, email: account.email };
}

async function postFeedback(mentor: Page, text: string) {
  const item = milestoneItem(mentor, SQL);
  const field = item.getByRole("textbox", { name: /Feedback/ });
  if (!(await field.isVisible()))
    await item
      .getByText(/^Feedback/)
      .first()
      .click();
  await field.fill(text);
  await item.getByRole("button", { name: /^Post/ }).click();
  await expect(item.getByRole("status").filter({ hasText: "Posted." })).toBeVisible();
}

/** The link into a feedback thread, fragment and all: the path the browser opens on the test server. */
function threadLinkIn(mail: CaughtMail): string {
  const url = mail.text.match(/https?:\/\/\S+#feedback-[0-9a-f-]{36}/)?.[0];
  if (!url) throw new Error(`No thread link in the mail "${mail.subject}"`);
  const { pathname, hash } = new URL(url);
  return `${pathname}${hash}`;
}

/** The one-click address of a mail's List-Unsubscribe header, as a path on the test server. */
function oneClickPathOf(mail: CaughtMail): string {
  const url = mail.headers["list-unsubscribe"]?.match(/^<([^>]+)>$/)?.[1];
  if (!url) throw new Error(`No List-Unsubscribe header in the mail "${mail.subject}"`);
  return `${new URL(url).pathname}${new URL(url).search}`;
}

test("feedback is mailed with a link into its thread; unsubscribing stops it, and the settings keep", async ({
  browser,
  request,
}) => {
  const { mentor, learner, email } = await mentorAndConfirmedLearner(browser);

  await postFeedback(mentor, "Try writing a JOIN by hand.");
  const mail = await waitForMail(email, `Maya Mentor left feedback on “${SQL}”`);
  expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  // Opened from the mail program: a new tab.
  const fromMail = await learner.context().newPage();
  await fromMail.goto(threadLinkIn(mail));
  const thread = fromMail.getByRole("group", { name: `Feedback on ${SQL}` });
  await expect(thread).toBeFocused();
  await expect(thread.getByText("Try writing a JOIN by hand.")).toBeVisible();
  await fromMail.close();

  // The footer's link asks first: a mail scanner opening it turns nothing off.
  await learner.goto(linkIn(mail, "/unsubscribe"));
  await expect(learner.getByRole("heading", { name: "Unsubscribe" })).toBeVisible();
  await expect(learner.getByText("Stop getting mails about your mentors' feedback from Waymark?")).toBeVisible();
  await learner.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(learner.getByText(/You won't get these mails any more/)).toBeVisible();
  await expect(learner.getByRole("link", { name: "Choose which mails you get" })).toBeVisible();

  // More feedback sends nothing; the review mark that follows still mails, so delivery has caught up.
  await postFeedback(mentor, "And an index on the join column.");
  await milestoneItem(mentor, SQL)
    .getByRole("button", { name: /Mark reviewed/ })
    .click();
  const reviewed = await waitForMail(email, `Maya Mentor reviewed “${SQL}”`);
  expect((await mailsTo(email)).filter((caught) => caught.subject.includes("left feedback"))).toHaveLength(1);

  // A mail program's one-click unsubscribe: a POST with no session, as RFC 8058 has it.
  const oneClick = await request.post(oneClickPathOf(reviewed), {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(oneClick.status()).toBe(200);

  await learner.goto("/account");
  const settings = learner.getByRole("region", { name: "Mail", exact: true });
  const feedback = settings.getByRole("group", { name: "Mentor feedback" });
  const reviews = settings.getByRole("group", { name: "Review marks" });
  await expect(feedback.getByRole("radio", { name: "Off" })).toBeChecked();
  await expect(reviews.getByRole("radio", { name: "Off" })).toBeChecked();
  await expect(settings.getByText("Confirm your address first")).toHaveCount(0);
  await reviews.getByRole("radio", { name: "Daily digest" }).check();
  await settings.getByRole("group", { name: "Behind pace" }).getByRole("radio", { name: "Off" }).check();
  await settings.getByRole("button", { name: "Save mail settings" }).click();
  await expect(settings.getByRole("status")).toHaveText("Mail settings saved.");
  await learner.reload();
  await expect(reviews.getByRole("radio", { name: "Daily digest" })).toBeChecked();
  await expect(settings.getByRole("group", { name: "Behind pace" }).getByRole("radio", { name: "Off" })).toBeChecked();
  await expect(feedback.getByRole("radio", { name: "Off" })).toBeChecked();
});

test("an unconfirmed address is told mails wait for confirmation", async ({ page, learner }) => {
  void learner;
  await page.goto("/account");
  const settings = page.getByRole("region", { name: "Mail", exact: true });
  await expect(settings.getByText("Confirm your address first: we only mail confirmed addresses.")).toBeVisible();
  await expect(
    settings.getByRole("group", { name: "Mentor feedback" }).getByRole("radio", { name: "At once" }),
  ).toBeChecked();
  await expect(
    settings.getByRole("group", { name: "A stage finished" }).getByRole("radio", { name: "Daily digest" }),
  ).toBeChecked();
  await expect(
    settings.getByRole("group", { name: "Mentees needing attention" }).getByRole("radio", { name: "Weekly" }),
  ).toBeChecked();
});

test("made-up, forged or malformed unsubscribe tokens get a 4xx and turn nothing off", async ({ request, page }) => {
  const forged = `${Buffer.from("someone").toString("base64url")}.feedback.${"A".repeat(43)}`;
  const attempts = [
    "/api/unsubscribe",
    "/api/unsubscribe?token=",
    "/api/unsubscribe?token=not-a-real-token",
    `/api/unsubscribe?token=${encodeURIComponent(forged)}`,
    `/api/unsubscribe?token=${encodeURIComponent(forged)}&token=${encodeURIComponent(forged)}`,
    `/api/unsubscribe?token=${"x".repeat(5000)}`,
    "/api/unsubscribe?token=%E0%A4%A",
  ];
  for (const path of attempts) {
    const response = await request.post(path, {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      data: "List-Unsubscribe=One-Click",
    });
    expect(response.status(), path).toBeGreaterThanOrEqual(400);
    expect(response.status(), path).toBeLessThan(500);
  }
  const multipart = await request.post(`/api/unsubscribe?token=${encodeURIComponent(forged)}`, {
    multipart: { "List-Unsubscribe": "One-Click" },
  });
  expect(multipart.status()).toBe(400);

  // Opening the one-click address in a browser leads to the page that asks first.
  const opened = await request.get(`/api/unsubscribe?token=${encodeURIComponent(forged)}`, { maxRedirects: 0 });
  expect(opened.status()).toBe(303);
  expect(opened.headers().location).toBe(`/unsubscribe?token=${encodeURIComponent(forged)}`);
  await page.goto(`/unsubscribe?token=${encodeURIComponent(forged)}`);
  await expect(page.getByRole("heading", { name: "This link can't be used" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unsubscribe" })).toHaveCount(0);
});
