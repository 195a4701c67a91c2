import AxeBuilder from "@axe-core/playwright";
import { expect, newLearner, nextSave, ROADMAP, signUp, test, milestoneItem } from "./fixtures";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test("the roadmap and dashboard pass an axe check with no violations", async ({ page, learner }) => {
      void learner;
      await page.goto(ROADMAP);
      const saved = nextSave(page);
      await page.getByRole("checkbox", { name: "Understand how the web works" }).check();
      await saved;
      await page
        .getByRole("combobox", { name: /^Status: Choose one programming/ })
        .selectOption({ label: "In progress" });
      await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /dark/ : /^(?!.*dark)/);
      // Opened details hold the Markdown description, the Free and Paid marks and the checklists.
      const details = milestoneItem(page, "Understand how the web works");
      // The finishing date appears once the saved progress is read back; clicking before it may miss the moving summary.
      await expect(details.getByText(/Finished/)).toBeVisible();
      await details.getByText("Details about Understand how the web works").click();
      await expect(details.getByRole("heading", { name: "Done when" })).toBeVisible();
      await expect(details.getByRole("strong").filter({ hasText: "request" })).toBeVisible();

      const roadmap = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(roadmap.violations, JSON.stringify(roadmap.violations, null, 2)).toEqual([]);

      await page.goto("/dashboard");
      await expect(page.getByRole("heading", { name: "Your activity" })).toBeVisible();
      const dashboard = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(dashboard.violations, JSON.stringify(dashboard.violations, null, 2)).toEqual([]);
    });

    test("the account page and a public progress page pass an axe check with no violations", async ({
      page,
      learner,
    }) => {
      void learner;
      await page.goto(ROADMAP);
      const item = milestoneItem(page, "Understand how the web works");
      await item.getByText(/^Evidence/).click();
      const share = page.getByRole("region", { name: "Share your progress" });
      await share.getByRole("button", { name: "Create a public link" }).click();
      const url = await share.getByLabel("Public link").inputValue();
      const roadmap = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(roadmap.violations, JSON.stringify(roadmap.violations, null, 2)).toEqual([]);

      await page.goto("/account");
      await expect(page.getByRole("heading", { name: "Delete account" })).toBeVisible();
      const account = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(account.violations, JSON.stringify(account.violations, null, 2)).toEqual([]);

      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Backend Developer roadmap");
      const shared = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(shared.violations, JSON.stringify(shared.violations, null, 2)).toEqual([]);
    });

    test("the home page, an invite and an unavailable mentee page pass an axe check with no violations", async ({
      page,
      learner,
      browser,
    }) => {
      void learner;
      await page.goto("/mentees");
      await page.getByRole("button", { name: "Create invite link" }).click();
      const link = await page.getByRole("textbox", { name: "Invite link" }).inputValue();
      const invitee = await (await browser.newContext({ colorScheme })).newPage();
      await signUp(invitee, newLearner("Ivy Invitee"));
      await invitee.goto(link);
      await expect(invitee.getByRole("button", { name: "Decline" })).toBeVisible();
      const invite = await new AxeBuilder({ page: invitee }).withTags(WCAG).analyze();
      expect(invite.violations, JSON.stringify(invite.violations, null, 2)).toEqual([]);

      await page.goto("/");
      await expect(page.getByRole("heading", { name: "What a mentor gets" })).toBeVisible();
      const home = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(home.violations, JSON.stringify(home.violations, null, 2)).toEqual([]);

      await page.goto("/mentees/00000000-0000-4000-8000-000000000000");
      await expect(page.getByRole("heading", { name: "This page isn't available" })).toBeVisible();
      const unavailable = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(unavailable.violations, JSON.stringify(unavailable.violations, null, 2)).toEqual([]);
    });
  });
}
