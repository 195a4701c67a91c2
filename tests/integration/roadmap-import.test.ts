import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { roadmaps } from "@/db/schema";
import { getRoadmapEditor, importRoadmapFile } from "@/lib/data/roadmap-authoring";
import { exportRoadmapFile } from "@/lib/data/roadmap-files";
import { createLearner } from "./helpers";

const ownRoadmaps = async (ownerId: string) =>
  (await getDb().select({ n: count() }).from(roadmaps).where(eq(roadmaps.ownerId, ownerId)))[0]!.n;

describe("importing a roadmap file", () => {
  it.each(["yaml", "json"] as const)(
    "makes the Backend roadmap's %s file a private draft of the importer's, with its stages and milestones",
    async (format) => {
      const author = await createLearner("Ida Importer");
      const file = await exportRoadmapFile({
        viewer: null,
        slug: "backend-developer",
        format,
        origin: "https://waymark.test",
      });
      const imported = await importRoadmapFile({ viewer: author, fileName: file.fileName, text: file.text });
      if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
      expect(imported.slug).toMatch(/^backend-developer-[a-z0-9]{12}$/);
      const editor = await getRoadmapEditor({ viewer: author, slug: imported.slug });
      expect(editor).toMatchObject({ visibility: "private", publishedVersion: 0 });
      expect(editor.draft.stages.map((stage) => stage.slug)).toEqual([
        "foundation",
        "intermediate",
        "advanced",
        "professional",
      ]);
      expect(editor.draft.stages.flatMap((stage) => stage.milestones)).toHaveLength(28);
    },
  );

  it("reports every problem with its place, and creates nothing", async () => {
    const author = await createLearner();
    const before = await ownRoadmaps(author.id);
    const text = [
      "format: waymark-roadmap/1",
      "slug: broken",
      "title: ''",
      "stages:",
      "  - slug: Not A Slug",
      "    title: Basics",
      "    colour: red",
    ].join("\n");
    const imported = await importRoadmapFile({ viewer: author, fileName: "broken.yaml", text });
    expect(imported.ok).toBe(false);
    const problems = imported.ok ? [] : imported.problems;
    expect(problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(["title", "stages[0].slug", "stages[0].colour"]),
    );
    expect(problems.find((problem) => problem.path === "title")?.line).toBe(3);
    expect(await ownRoadmaps(author.id)).toBe(before);
  });

  it("refuses text Postgres cannot store, naming its field, instead of failing", async () => {
    const author = await createLearner();
    const text = JSON.stringify({ slug: "nul-roadmap", title: "Has a \u0000 in it", stages: [] });
    const imported = await importRoadmapFile({ viewer: author, fileName: "nul.json", text });
    expect(imported).toMatchObject({ ok: false, problems: [{ path: "title" }] });
    expect(await ownRoadmaps(author.id)).toBe(0);
  });
});
