import AxeBuilder from "@axe-core/playwright";
import { expect, nextSave, ROADMAP, test } from "./fixtures";

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

      const roadmap = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      expect(roadmap.violations, JSON.stringify(roadmap.violations, null, 2)).toEqual([]);

      await page.goto("/dashboard");
      await expect(page.getByRole("heading", { name: "Your activity" })).toBeVisible();
      const dashboard = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      expect(dashboard.violations, JSON.stringify(dashboard.violations, null, 2)).toEqual([]);
    });
  });
}
