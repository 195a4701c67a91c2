import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { MilestoneContent, RoadmapContent } from "@/db/content/content-schema";
import { forgetRoadmapContent } from "@/db/content/cache";
import { recordVersion, syncRoadmapContent, writePublishedContent } from "@/db/content/sync";
import { countQueries } from "@/db/query-count";
import { enrollments, milestoneProgress, milestones, progressEvents, roadmaps } from "@/db/schema";
import { getDashboardForViewer } from "@/lib/data/dashboard";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import { exportRoadmapFile, readRoadmapFile, roadmapJsonSchema } from "@/lib/data/roadmap-files";
import { getRoadmapPageForViewer } from "@/lib/data/roadmap-state";
import { getRoadmapVersionsPage, markRoadmapVersionSeen } from "@/lib/data/roadmap-versions";
import type { Viewer } from "@/lib/data/viewer";
import { createLearner, viewRoadmap } from "./helpers";

function milestone(slug: string): MilestoneContent {
  return {
    slug,
    title: `Learn ${slug}`,
    description: `What ${slug} is about.`,
    whyItMatters: "",
    skills: [],
    tools: [],
    resources: [],
    doneWhen: [],
    practice: "",
  };
}

function content(slug: string, stages: Record<string, string[]>): RoadmapContent {
  return {
    slug,
    title: "Versions test roadmap",
    summary: "A roadmap used to test versions.",
    salaryCaveat: "",
    salaryGuides: [],
    stages: Object.entries(stages).map(([stageSlug, milestoneSlugs], index) => ({
      slug: stageSlug,
      title: `Stage ${stageSlug}`,
      summary: "",
      startMonth: index * 3,
      endMonth: index * 3 + 3,
      milestones: milestoneSlugs.map(milestone),
    })),
  };
}

const uniqueSlug = () => `versions-test-${crypto.randomUUID().slice(0, 8)}`;
const v1 = (slug: string) => content(slug, { basics: ["alpha", "beta", "gamma"], more: ["delta"] });
// alpha moves to "more", gamma is removed, three are added.
const v2 = (slug: string) => content(slug, { basics: ["beta", "eps"], more: ["delta", "alpha", "zeta", "eta"] });

async function milestoneIdOf(roadmapSlug: string, slug: string): Promise<string> {
  const [row] = await getDb()
    .select({ id: milestones.id })
    .from(milestones)
    .innerJoin(roadmaps, eq(roadmaps.id, milestones.roadmapId))
    .where(and(eq(roadmaps.slug, roadmapSlug), eq(milestones.slug, slug)));
  return row!.id;
}

/** An authored roadmap, published as its author's publish does it. */
async function publishAuthored(owner: Viewer, body: RoadmapContent, visibility: "private" | "unlisted" | "public") {
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(roadmaps)
      .values({
        slug: body.slug,
        title: body.title,
        summary: body.summary,
        salaryGuides: [],
        salaryCaveat: "",
        ownerId: owner.id,
        visibility,
      })
      .returning();
    await writePublishedContent(tx, row!, body);
    await recordVersion(tx, row!.id, body, owner.id);
  });
  forgetRoadmapContent();
}

describe("roadmap versions", () => {
  it("lists each version with its change summary and compares any two", async () => {
    const slug = uniqueSlug();
    await syncRoadmapContent(getDb(), v1(slug));
    await syncRoadmapContent(getDb(), v1(slug));
    await syncRoadmapContent(getDb(), v2(slug));

    const { result: page, queries } = await countQueries(() =>
      getRoadmapVersionsPage({ viewer: null, slug, compare: { from: "1", to: "2" } }),
    );
    expect(queries).toBe(2);
    expect(page.versions.map((version) => [version.version, version.publisher, version.changes])).toEqual([
      [2, "Waymark", "3 milestones added, 1 removed, 1 moved"],
      [1, "Waymark", null],
    ]);
    expect(page.comparison).toMatchObject({ ok: true, from: 1, to: 2 });
    if (!page.comparison?.ok) return;
    const { diff } = page.comparison;
    expect(diff.milestones.removed.map((m) => [m.slug, m.stage.title])).toEqual([["gamma", "Stage basics"]]);
    expect(diff.milestones.moved.map((m) => [m.slug, m.from.slug, m.stage.slug])).toEqual([
      ["alpha", "basics", "more"],
    ]);

    const backwards = await getRoadmapVersionsPage({ viewer: null, slug, compare: { from: "2", to: "1" } });
    expect(backwards.comparison).toMatchObject({ ok: true, summary: "1 milestone added, 3 removed, 1 moved" });
  });

  it("says plainly when a version does not exist", async () => {
    const slug = uniqueSlug();
    await syncRoadmapContent(getDb(), v1(slug));
    for (const [from, to] of [
      ["1", "9"],
      ["0", "1"],
      ["x", "1"],
      ["1", "-1"],
    ] as const) {
      const page = await getRoadmapVersionsPage({ viewer: null, slug, compare: { from, to } });
      expect(page.comparison).toEqual({ ok: false, message: expect.stringContaining("does not exist") });
    }
    const page = await getRoadmapVersionsPage({ viewer: null, slug, compare: { from: "1", to: "9" } });
    expect(page.comparison).toEqual({ ok: false, message: "To version “9” does not exist: it has only version 1." });
  });

  it("tells a learner what changed since they last looked, until they say Got it", async () => {
    const slug = uniqueSlug();
    await syncRoadmapContent(getDb(), v1(slug));
    const learner = await createLearner();
    const gamma = await milestoneIdOf(slug, "gamma");
    const alpha = await milestoneIdOf(slug, "alpha");
    await setMilestoneStatus({ viewer: learner, milestoneId: gamma, status: "done" });
    await setMilestoneStatus({ viewer: learner, milestoneId: alpha, status: "in_progress" });
    expect((await getRoadmapPageForViewer({ viewer: learner, slug })).state!.unseenChanges).toBeNull();

    await syncRoadmapContent(getDb(), v2(slug));
    await viewRoadmap({ viewer: null, slug });
    const { result, queries } = await countQueries(() => getRoadmapPageForViewer({ viewer: learner, slug }));
    // The access check, the learner's state with the two versions, and the retired milestone they had done.
    expect(queries).toBe(3);
    expect(result.state!.unseenChanges).toEqual({ from: 1, to: 2, summary: "3 milestones added, 1 removed, 1 moved" });
    // Progress followed the moved milestone; the removed one's is kept apart, with its history.
    expect(result.state!.statuses).toMatchObject({ [alpha]: "in_progress", [gamma]: "done" });
    expect(result.roadmap.retired.map((m) => m.slug)).toEqual(["gamma"]);
    const gammaProgress = await getDb()
      .select()
      .from(milestoneProgress)
      .where(eq(milestoneProgress.milestoneId, gamma));
    expect(gammaProgress).toHaveLength(1);
    const gammaEvents = await getDb().select().from(progressEvents).where(eq(progressEvents.milestoneId, gamma));
    expect(gammaEvents).toHaveLength(1);

    const [card] = (await getDashboardForViewer({ viewer: learner })).filter((roadmap) => roadmap.slug === slug);
    expect(card!.unseenChanges?.summary).toBe("3 milestones added, 1 removed, 1 moved");

    await markRoadmapVersionSeen({ viewer: learner, slug });
    expect((await getRoadmapPageForViewer({ viewer: learner, slug })).state!.unseenChanges).toBeNull();
    const [after] = (await getDashboardForViewer({ viewer: learner })).filter((roadmap) => roadmap.slug === slug);
    expect(after!.unseenChanges).toBeNull();
  });

  it("keeps the page at two statements for a learner up to date", async () => {
    const slug = uniqueSlug();
    await syncRoadmapContent(getDb(), v1(slug));
    await syncRoadmapContent(getDb(), v2(slug));
    const learner = await createLearner();
    // Enrolling at version 2: nothing before it is news.
    await setMilestoneStatus({ viewer: learner, milestoneId: await milestoneIdOf(slug, "beta"), status: "done" });
    const [enrollment] = await getDb().select().from(enrollments).where(eq(enrollments.userId, learner.id));
    expect(enrollment!.seenVersion).toBe(2);
    await viewRoadmap({ viewer: learner, slug });
    const { result, queries } = await countQueries(() => getRoadmapPageForViewer({ viewer: learner, slug }));
    expect(queries).toBe(2);
    expect(result.state!.unseenChanges).toBeNull();
  });

  it("does nothing for Got it from someone who does not follow the roadmap", async () => {
    const slug = uniqueSlug();
    await syncRoadmapContent(getDb(), v1(slug));
    const stranger = await createLearner();
    await markRoadmapVersionSeen({ viewer: stranger, slug });
    expect(await getDb().select().from(enrollments).where(eq(enrollments.userId, stranger.id))).toEqual([]);
  });
});

describe("roadmap files", () => {
  it("exports a version as YAML and JSON that read back as the same roadmap", async () => {
    const slug = uniqueSlug();
    await syncRoadmapContent(getDb(), v1(slug));
    await syncRoadmapContent(getDb(), v2(slug));
    const yaml = await exportRoadmapFile({
      viewer: null,
      slug,
      format: "yaml",
      version: 1,
      origin: "https://w.example",
    });
    expect(yaml.fileName).toBe(`${slug}-v1.yaml`);
    expect(yaml.text.split("\n").slice(0, 2)).toEqual([
      "# yaml-language-server: $schema=https://w.example/roadmap.schema.json",
      "format: waymark-roadmap/1",
    ]);
    const read = readRoadmapFile(yaml.text, yaml.fileName);
    expect(read).toMatchObject({ ok: true, content: { ...v1(slug), format: "waymark-roadmap/1" } });

    const json = await exportRoadmapFile({ viewer: null, slug, format: "json", origin: "https://w.example" });
    expect(json.fileName).toBe(`${slug}-v2.json`);
    expect(Object.keys(JSON.parse(json.text))[0]).toBe("format");
    expect(readRoadmapFile(json.text, json.fileName)).toMatchObject({
      ok: true,
      content: { slug, stages: v2(slug).stages },
    });

    await expect(
      exportRoadmapFile({ viewer: null, slug, format: "yaml", version: 7, origin: "https://w.example" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("describes the format as a JSON Schema", () => {
    const schema = roadmapJsonSchema("https://w.example");
    expect(schema).toMatchObject({
      $id: "https://w.example/roadmap.schema.json",
      title: "Waymark roadmap file",
      type: "object",
      required: expect.arrayContaining(["slug", "title", "stages"]),
    });
  });
});

describe("who may see a roadmap's versions and files", () => {
  it("hides a private roadmap's versions and files from a stranger and from anonymous visitors", async () => {
    const owner = await createLearner("Author");
    const stranger = await createLearner("Stranger");
    const slug = uniqueSlug();
    await publishAuthored(owner, v1(slug), "private");

    const own = await getRoadmapVersionsPage({ viewer: owner, slug });
    expect(own.versions.map((version) => [version.version, version.publisher])).toEqual([[1, "Author"]]);
    await expect(
      exportRoadmapFile({ viewer: owner, slug, format: "json", origin: "https://w.example" }),
    ).resolves.toBeTruthy();

    for (const viewer of [stranger, null]) {
      await expect(getRoadmapVersionsPage({ viewer, slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        exportRoadmapFile({ viewer, slug, format: "yaml", origin: "https://w.example" }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("shows a public roadmap's versions to anyone", async () => {
    const owner = await createLearner("Public author");
    const slug = uniqueSlug();
    await publishAuthored(owner, v1(slug), "public");
    const page = await getRoadmapVersionsPage({ viewer: null, slug });
    expect(page.versions[0]).toMatchObject({ version: 1, publisher: "Public author" });
  });
});
