import { readFile } from "node:fs/promises";
import { roadmapContentSchema } from "@/db/content/content-schema";
import { parseRoadmapFile } from "@/lib/domain/roadmap-file";
import { expect, ROADMAP, test } from "./fixtures";

test("the Backend roadmap's versions page lists version 1 and downloads it as a file Waymark reads back", async ({
  page,
}) => {
  await page.goto(ROADMAP);
  await page.getByRole("link", { name: "Versions", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Versions" })).toBeVisible();
  const versions = page.getByRole("list", { name: "Published versions" });
  await expect(versions.getByRole("heading", { name: "Version 1" })).toBeVisible();
  await expect(versions).toContainText("by Waymark");
  await expect(page.getByText("Only one version so far")).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download YAML", exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^backend-developer-v\d+\.yaml$/);
  const text = await readFile((await file.path())!, "utf8");
  expect(text).toMatch(/^# yaml-language-server: \$schema=http.*\/roadmap\.schema\.json\nformat: waymark-roadmap\/1\n/);
  const parsed = parseRoadmapFile(text, file.suggestedFilename(), roadmapContentSchema);
  expect(parsed.ok ? parsed.content.slug : parsed.problems).toBe("backend-developer");
});

test("a version that does not exist is said plainly", async ({ page }) => {
  await page.goto(`${ROADMAP}/versions?from=1&to=99`);
  await expect(page.getByRole("alert").filter({ hasText: "does not exist" })).toHaveText(
    /To version “99” does not exist/,
  );
});

test("the roadmap file's JSON Schema is served for editors", async ({ request }) => {
  const response = await request.get("/roadmap.schema.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/schema+json");
  expect(response.headers()["cache-control"]).toContain("max-age");
  const schema = (await response.json()) as { $id: string; title: string; properties: Record<string, unknown> };
  expect(schema.$id).toMatch(/\/roadmap\.schema\.json$/);
  expect(schema.title).toBe("Waymark roadmap file");
  expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["format", "slug", "title", "stages"]));
});

test("a roadmap file for a roadmap that does not exist answers 404", async ({ request }) => {
  const response = await request.get("/api/roadmaps/no-such-roadmap/file?format=yaml");
  expect(response.status()).toBe(404);
  expect((await request.get("/api/roadmaps/backend-developer/file?format=exe")).status()).toBe(400);
});
