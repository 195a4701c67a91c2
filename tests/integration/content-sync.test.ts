import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabaseHandle, getDb } from "@/db/client";
import type { MilestoneContent, RoadmapContent } from "@/db/content/content-schema";
import { syncChangedAnything, syncRoadmapContent } from "@/db/content/sync";
import { prepareDatabase } from "@/db/prepare";
import { countQueries } from "@/db/query-count";
import { milestones, roadmaps, roadmapVersions, stages } from "@/db/schema";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import { outlineOf, summarizeRoadmap } from "@/lib/domain/progress-math";
import { createLearner, viewRoadmap } from "./helpers";
import { sessionCutoffs } from "@/lib/domain/session-lifetimes";

function milestone(slug: string, title = `Learn ${slug}`): MilestoneContent {
  return {
    slug,
    title,
    description: `What ${slug} is about.`,
    whyItMatters: `Why ${slug} matters.`,
    skills: ["Thinking"],
    tools: [],
    resources: [],
    doneWhen: [],
    practice: "",
  };
}

function content(slug: string, changes: Partial<RoadmapContent> = {}): RoadmapContent {
  return {
    slug,
    title: "Sync test roadmap",
    summary: "A roadmap used to test the content sync.",
    salaryCaveat: "Estimates only.",
    salaryGuides: [],
    stages: [
      {
        slug: "basics",
        title: "Basics",
        startMonth: 0,
        endMonth: 3,
        summary: "First steps.",
        milestones: [milestone("alpha"), milestone("beta")],
      },
      {
        slug: "more",
        title: "More",
        startMonth: 3,
        endMonth: null,
        summary: "Next steps.",
        milestones: [milestone("gamma")],
      },
    ],
    ...changes,
  };
}

const uniqueSlug = () => `sync-test-${crypto.randomUUID().slice(0, 8)}`;

async function snapshot(slug: string) {
  const [roadmap] = await getDb().select().from(roadmaps).where(eq(roadmaps.slug, slug));
  const stageRows = await getDb().select().from(stages).where(eq(stages.roadmapId, roadmap!.id)).orderBy(stages.slug);
  const milestoneRows = await getDb()
    .select()
    .from(milestones)
    .where(eq(milestones.roadmapId, roadmap!.id))
    .orderBy(milestones.slug);
  return { roadmap, stageRows, milestoneRows };
}

async function milestoneId(roadmapSlug: string, slug: string): Promise<string> {
  const { milestoneRows } = await snapshot(roadmapSlug);
  return milestoneRows.find((row) => row.slug === slug)!.id;
}

describe("the roadmap content sync", () => {
  it("writes a new roadmap, then changes nothing when run again", async () => {
    const slug = uniqueSlug();
    const first = await syncRoadmapContent(getDb(), content(slug));
    expect(first.stages.inserted).toBe(2);
    expect(first.milestones.inserted).toBe(3);
    const before = await snapshot(slug);

    const second = await syncRoadmapContent(getDb(), content(slug));
    expect(syncChangedAnything(second)).toBe(false);
    expect(await snapshot(slug)).toEqual(before);
  });

  it("records each change of content as a new published version, and a built-in roadmap is public", async () => {
    const slug = uniqueSlug();
    await syncRoadmapContent(getDb(), content(slug));
    await syncRoadmapContent(getDb(), content(slug));
    await syncRoadmapContent(getDb(), content(slug, { title: "Renamed" }));
    const { roadmap } = await snapshot(slug);
    expect(roadmap).toMatchObject({ builtIn: true, visibility: "public", ownerId: null, publishedVersion: 2 });
    const versions = await getDb()
      .select()
      .from(roadmapVersions)
      .where(eq(roadmapVersions.roadmapId, roadmap!.id))
      .orderBy(roadmapVersions.version);
    expect(versions.map((row) => [row.version, row.content.title])).toEqual([
      [1, "Sync test roadmap"],
      [2, "Renamed"],
    ]);
  });

  it("reads a roadmap's content once per process: later views read the roadmap's access and version, then what the learner recorded", async () => {
    const learner = await createLearner();
    await viewRoadmap({ viewer: learner, slug: "backend-developer" });
    const { queries } = await countQueries(() => viewRoadmap({ viewer: learner, slug: "backend-developer" }));
    expect(queries).toBe(2);
  });

  it("leaves the shipped roadmap untouched when the app starts again", async () => {
    const reports = await prepareDatabase(getDatabaseHandle(), sessionCutoffs(new Date()));
    expect(reports.map(syncChangedAnything)).toEqual([false]);
  });

  it("updates a renamed milestone in place and keeps the learner's progress on it", async () => {
    const slug = uniqueSlug();
    await syncRoadmapContent(getDb(), content(slug));
    const learner = await createLearner();
    const id = await milestoneId(slug, "alpha");
    await setMilestoneStatus({ viewer: learner, milestoneId: id, status: "done" });

    // Read (and kept by this process) before the change: the sync must make it read again.
    await viewRoadmap({ viewer: learner, slug });
    const renamed = content(slug);
    renamed.stages[0]!.milestones[0] = { ...milestone("alpha", "Learn alpha properly"), description: "Rewritten." };
    const report = await syncRoadmapContent(getDb(), renamed);
    expect(report.milestones).toMatchObject({ inserted: 0, updated: 1, archived: 0 });

    const { roadmap, statuses } = await viewRoadmap({ viewer: learner, slug });
    const alpha = roadmap.stages[0]!.milestones[0]!;
    expect(alpha).toMatchObject({ id, title: "Learn alpha properly", description: "Rewritten." });
    expect(statuses[id]).toBe("done");
  });

  it("retires a dropped milestone that has progress, shown apart and not counted", async () => {
    const slug = uniqueSlug();
    await syncRoadmapContent(getDb(), content(slug));
    const learner = await createLearner();
    const other = await createLearner();
    const betaId = await milestoneId(slug, "beta");
    await setMilestoneStatus({ viewer: learner, milestoneId: betaId, status: "done" });

    const dropped = content(slug);
    dropped.stages[0]!.milestones = [milestone("alpha")];
    const report = await syncRoadmapContent(getDb(), dropped);
    expect(report.milestones.archived).toBe(1);

    const { roadmap, statuses } = await viewRoadmap({ viewer: learner, slug });
    expect(roadmap.stages[0]!.milestones.map((m) => m.slug)).toEqual(["alpha"]);
    expect(roadmap.retired.map((m) => m.slug)).toEqual(["beta"]);
    expect(statuses[betaId]).toBe("done");
    expect(summarizeRoadmap(outlineOf(roadmap.stages), statuses).overall).toMatchObject({
      total: 2,
      done: 0,
      percent: 0,
    });

    const forOther = await viewRoadmap({ viewer: other, slug });
    expect(forOther.roadmap.retired).toEqual([]);
    const { milestoneRows } = await snapshot(slug);
    expect(milestoneRows.find((row) => row.slug === "beta")?.archivedAt).toBeInstanceOf(Date);
  });

  it("lets a learner keep changing a retired milestone they had started, but nobody start one", async () => {
    const slug = uniqueSlug();
    await syncRoadmapContent(getDb(), content(slug));
    const learner = await createLearner();
    const newcomer = await createLearner();
    const betaId = await milestoneId(slug, "beta");
    await setMilestoneStatus({ viewer: learner, milestoneId: betaId, status: "in_progress" });
    const dropped = content(slug);
    dropped.stages[0]!.milestones = [milestone("alpha")];
    await syncRoadmapContent(getDb(), dropped);

    await expect(setMilestoneStatus({ viewer: learner, milestoneId: betaId, status: "done" })).resolves.toMatchObject({
      changed: true,
    });
    await expect(setMilestoneStatus({ viewer: newcomer, milestoneId: betaId, status: "done" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const forNewcomer = await viewRoadmap({ viewer: newcomer, slug });
    expect(forNewcomer.roadmap.retired).toEqual([]);
  });

  it("restores a milestone that comes back, with its progress", async () => {
    const slug = uniqueSlug();
    await syncRoadmapContent(getDb(), content(slug));
    const learner = await createLearner();
    const betaId = await milestoneId(slug, "beta");
    await setMilestoneStatus({ viewer: learner, milestoneId: betaId, status: "in_progress" });
    const dropped = content(slug);
    dropped.stages[0]!.milestones = [milestone("alpha")];
    await syncRoadmapContent(getDb(), dropped);

    const report = await syncRoadmapContent(getDb(), content(slug));
    expect(report.milestones.restored).toBe(1);
    const { roadmap, statuses } = await viewRoadmap({ viewer: learner, slug });
    expect(roadmap.stages[0]!.milestones.map((m) => m.id)).toContain(betaId);
    expect(roadmap.retired).toEqual([]);
    expect(statuses[betaId]).toBe("in_progress");
  });

  it("moves a milestone to another stage without touching its progress", async () => {
    const slug = uniqueSlug();
    await syncRoadmapContent(getDb(), content(slug));
    const learner = await createLearner();
    const betaId = await milestoneId(slug, "beta");
    await setMilestoneStatus({ viewer: learner, milestoneId: betaId, status: "done" });

    const moved = content(slug);
    moved.stages[0]!.milestones = [milestone("alpha")];
    moved.stages[1]!.milestones = [milestone("beta"), milestone("gamma")];
    await syncRoadmapContent(getDb(), moved);

    const { roadmap, statuses } = await viewRoadmap({ viewer: learner, slug });
    expect(roadmap.stages[1]!.milestones.map((m) => m.id)).toEqual([betaId, expect.any(String)]);
    expect(statuses[betaId]).toBe("done");
    expect(summarizeRoadmap(outlineOf(roadmap.stages), statuses).stages[roadmap.stages[1]!.id]).toMatchObject({
      done: 1,
      total: 2,
    });
  });

  it("archives a dropped stage together with its milestones", async () => {
    const slug = uniqueSlug();
    await syncRoadmapContent(getDb(), content(slug));
    const report = await syncRoadmapContent(getDb(), content(slug, { stages: [content(slug).stages[0]!] }));
    expect(report.stages.archived).toBe(1);
    expect(report.milestones.archived).toBe(1);
    const { roadmap } = await viewRoadmap({ viewer: null, slug });
    expect(roadmap.stages.map((stage) => stage.slug)).toEqual(["basics"]);
  });

  it("refuses invalid content before writing anything", async () => {
    const slug = uniqueSlug();
    const duplicated = content(slug);
    duplicated.stages[1]!.milestones = [milestone("alpha")];
    await expect(syncRoadmapContent(getDb(), duplicated)).rejects.toThrow(/duplicate milestone slug alpha/);
    expect(await getDb().select().from(roadmaps).where(eq(roadmaps.slug, slug))).toEqual([]);
  });
});
