import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { MilestoneContent, RoadmapContent } from "@/db/content/content-schema";
import { syncRoadmapContent } from "@/db/content/sync";
import { refreshRoadmapProgressSummaries } from "@/db/progress-summaries";
import { learnerProgressSummaries, milestones, roadmaps, stages } from "@/db/schema";
import { exportLearnerData } from "@/lib/data/export";
import { importLearnerData } from "@/lib/data/import";
import { getActivityForViewer, undoLastChange } from "@/lib/data/insight";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import type { Viewer } from "@/lib/data/viewer";
import { backendMilestones, createLearner } from "./helpers";

async function backendRoadmapId(): Promise<string> {
  const [roadmap] = await getDb()
    .select({ id: roadmaps.id })
    .from(roadmaps)
    .where(eq(roadmaps.slug, "backend-developer"));
  return roadmap!.id;
}

async function summaryOf(viewer: Viewer, roadmapId: string) {
  const [row] = await getDb()
    .select()
    .from(learnerProgressSummaries)
    .where(and(eq(learnerProgressSummaries.userId, viewer.id), eq(learnerProgressSummaries.roadmapId, roadmapId)));
  return row;
}

/** The kept row must equal what a rebuild from the progress rows gives. */
async function expectUpToDate(viewer: Viewer, roadmapId: string) {
  const kept = await summaryOf(viewer, roadmapId);
  await refreshRoadmapProgressSummaries(getDb(), roadmapId);
  expect(kept).toEqual(await summaryOf(viewer, roadmapId));
  return kept!;
}

describe("the per-learner progress summaries behind the mentor's table", () => {
  it("follow every status change and undo", async () => {
    const learner = await createLearner();
    const roadmapId = await backendRoadmapId();
    const [first, second, third] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    await setMilestoneStatus({ viewer: learner, milestoneId: second!.id, status: "in_progress" });
    await setMilestoneStatus({ viewer: learner, milestoneId: third!.id, status: "skipped" });
    expect(await expectUpToDate(learner, roadmapId)).toMatchObject({
      total: 28,
      done: 1,
      inProgress: 1,
      skipped: 1,
      currentStageId: first!.stageId,
    });

    const { timeline } = await getActivityForViewer({ viewer: learner });
    await undoLastChange({ viewer: learner, eventId: timeline[0]!.id });
    expect(await expectUpToDate(learner, roadmapId)).toMatchObject({ skipped: 0, done: 1 });
  });

  it("follow an import into another account", async () => {
    const from = await createLearner();
    const into = await createLearner();
    const roadmapId = await backendRoadmapId();
    const milestoneList = await backendMilestones();
    for (const milestone of milestoneList.slice(0, 6)) {
      await setMilestoneStatus({ viewer: from, milestoneId: milestone.id, status: "done" });
    }
    await importLearnerData({ viewer: into, data: await exportLearnerData({ viewer: from }) });
    expect(await expectUpToDate(into, roadmapId)).toMatchObject({ done: 6, inProgress: 0 });
  });

  it("follow a content change: a retired milestone stops counting", async () => {
    const slug = `summary-test-${crypto.randomUUID().slice(0, 8)}`;
    const milestone = (name: string): MilestoneContent => ({
      slug: name,
      title: `Learn ${name}`,
      description: "About it.",
      whyItMatters: "Because.",
      skills: ["Thinking"],
      tools: [],
      resources: [],
      doneWhen: [],
      practice: "",
    });
    const content = (names: string[]): RoadmapContent => ({
      slug,
      title: "Summary test roadmap",
      summary: "Used to test the summaries.",
      salaryCaveat: "Estimates only.",
      salaryGuides: [],
      stages: [
        {
          slug: "only",
          title: "Only",
          startMonth: 0,
          endMonth: 3,
          summary: "All of it.",
          milestones: names.map(milestone),
        },
      ],
    });
    await syncRoadmapContent(getDb(), content(["alpha", "beta", "gamma"]));
    const [roadmap] = await getDb().select({ id: roadmaps.id }).from(roadmaps).where(eq(roadmaps.slug, slug));
    const rows = await getDb()
      .select({ id: milestones.id, slug: milestones.slug })
      .from(milestones)
      .where(eq(milestones.roadmapId, roadmap!.id));
    const learner = await createLearner();
    await setMilestoneStatus({
      viewer: learner,
      milestoneId: rows.find((row) => row.slug === "alpha")!.id,
      status: "done",
    });
    expect(await summaryOf(learner, roadmap!.id)).toMatchObject({ total: 3, done: 1 });

    await syncRoadmapContent(getDb(), content(["beta", "gamma"]));
    const [stage] = await getDb().select({ id: stages.id }).from(stages).where(eq(stages.roadmapId, roadmap!.id));
    expect(await expectUpToDate(learner, roadmap!.id)).toMatchObject({ total: 2, done: 0, currentStageId: stage!.id });
  });
});
