import { describe, expect, it } from "vitest";
import { getDashboardForViewer } from "@/lib/data/dashboard";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import { backendMilestones, createLearner } from "./helpers";

describe("the learner's dashboard", () => {
  it("is empty until the learner starts a roadmap", async () => {
    const learner = await createLearner();
    expect(await getDashboardForViewer({ viewer: learner })).toEqual([]);
  });

  it("shows overall and per-stage progress, counting skipped milestones apart", async () => {
    const learner = await createLearner();
    const milestones = await backendMilestones();
    const foundation = milestones.filter((m) => m.stageId === milestones[0]!.stageId);
    await setMilestoneStatus({ viewer: learner, milestoneId: foundation[0]!.id, status: "done" });
    await setMilestoneStatus({ viewer: learner, milestoneId: foundation[1]!.id, status: "skipped" });
    await setMilestoneStatus({ viewer: learner, milestoneId: foundation[2]!.id, status: "in_progress" });

    const [roadmap] = await getDashboardForViewer({ viewer: learner });
    expect(roadmap).toMatchObject({ slug: "backend-developer", title: "Backend Developer" });
    expect(roadmap!.overall).toMatchObject({ total: milestones.length, done: 1, skipped: 1, inProgress: 1 });
    expect(roadmap!.overall.percent).toBe(Math.floor(100 / milestones.length));
    expect(roadmap!.stages.map((stage) => stage.title)).toEqual([
      "Foundation",
      "Intermediate",
      "Advanced",
      "Professional",
    ]);
    expect(roadmap!.stages[0]!.progress).toMatchObject({ total: foundation.length, done: 1, skipped: 1 });
    expect(roadmap!.currentStageTitle).toBe("Foundation");
  });

  it("points to the first milestone that is neither done nor skipped", async () => {
    const learner = await createLearner();
    const milestones = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: milestones[0]!.id, status: "done" });
    await setMilestoneStatus({ viewer: learner, milestoneId: milestones[1]!.id, status: "skipped" });
    const [roadmap] = await getDashboardForViewer({ viewer: learner });
    expect(roadmap!.next).toMatchObject({
      id: milestones[2]!.id,
      title: milestones[2]!.title,
      stageTitle: "Foundation",
    });
  });

  it("celebrates instead of pointing anywhere once everything is done or skipped", async () => {
    const learner = await createLearner();
    const milestones = await backendMilestones();
    for (const [index, milestone] of milestones.entries()) {
      await setMilestoneStatus({
        viewer: learner,
        milestoneId: milestone.id,
        status: index % 5 === 0 ? "skipped" : "done",
      });
    }
    const [roadmap] = await getDashboardForViewer({ viewer: learner });
    expect(roadmap!.next).toBeNull();
    expect(roadmap!.currentStageTitle).toBeNull();
    expect(roadmap!.overall.percent).toBeLessThan(100);
  });

  it("shows 100% only when every milestone is done", async () => {
    const learner = await createLearner();
    const milestones = await backendMilestones();
    for (const milestone of milestones) {
      await setMilestoneStatus({ viewer: learner, milestoneId: milestone.id, status: "done" });
    }
    const [roadmap] = await getDashboardForViewer({ viewer: learner });
    expect(roadmap!.overall.percent).toBe(100);
    expect(roadmap!.stages.every((stage) => stage.progress.percent === 100)).toBe(true);
  });
});
