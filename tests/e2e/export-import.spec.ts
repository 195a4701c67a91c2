import { readFile } from "node:fs/promises";
import { expect, nextSave, ROADMAP, signUp, newLearner, test, milestoneItem } from "./fixtures";

const SQL = "Learn SQL and database fundamentals";

test("a learner exports everything and another account imports it back exactly", async ({ page, learner, browser }) => {
  void learner;
  await page.goto(ROADMAP);
  const item = milestoneItem(page, SQL);
  const ticked = nextSave(page);
  await item.getByRole("checkbox", { name: SQL }).check();
  await ticked;
  await item.getByText(/^Your notes/).click();
  await item.getByRole("textbox", { name: /^Note on/ }).fill("Indexes: read the EXPLAIN output.");
  await expect(item.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  await page.goto("/account");
  const data = page.getByRole("region", { name: "Your data" });
  const jsonDownload = page.waitForEvent("download");
  await data.getByRole("link", { name: "Download everything (JSON)" }).click();
  const json = await jsonDownload;
  expect(json.suggestedFilename()).toMatch(/^waymark-export-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile((await json.path())!, "utf8")) as {
    format: string;
    version: number;
    roadmaps: { milestones: { title: string; status: string; note: { body: string } | null }[] }[];
  };
  expect(exported).toMatchObject({ format: "waymark-export", version: 1 });
  expect(exported.roadmaps[0]!.milestones.find((milestone) => milestone.title === SQL)).toMatchObject({
    status: "done",
    note: { body: "Indexes: read the EXPLAIN output." },
  });

  const csvDownload = page.waitForEvent("download");
  await data.getByRole("link", { name: "Download a spreadsheet (CSV)" }).click();
  const csv = await readFile((await (await csvDownload).path())!, "utf8");
  expect(csv).toContain(SQL);
  const mdDownload = page.waitForEvent("download");
  await data.getByRole("link", { name: "Download a checklist (Markdown)" }).click();
  expect(await readFile((await (await mdDownload).path())!, "utf8")).toContain(`- [x] ${SQL}`);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUp(other, newLearner("Grace Hopper"));
  await other.goto("/account");
  const otherData = other.getByRole("region", { name: "Your data" });
  await otherData.getByLabel("Waymark export file (.json)").setInputFiles({
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from("{ not json"),
  });
  await otherData.getByLabel(/^I understand this replaces/).check();
  await otherData.getByRole("button", { name: "Import" }).click();
  await expect(otherData.getByRole("alert")).toHaveText("That file isn't a Waymark export (it isn't valid JSON).");

  await otherData.getByLabel("Waymark export file (.json)").setInputFiles((await json.path())!);
  await otherData.getByRole("button", { name: "Import" }).click();
  await expect(otherData.getByRole("status")).toContainText("Imported 1 roadmap");

  await other.goto(ROADMAP);
  const imported = milestoneItem(other, SQL);
  await expect(imported.getByRole("checkbox", { name: SQL })).toBeChecked();
  await expect(imported.getByRole("textbox", { name: /^Note on/ })).toHaveValue("Indexes: read the EXPLAIN output.");
  await otherContext.close();
});
