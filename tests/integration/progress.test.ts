import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { countQueries } from "@/db/query-count";
import { enrollments, milestoneProgress, progressEvents } from "@/db/schema";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/progress-math";
import { backendMilestones, createLearner, eventsOf, statusesOf, viewRoadmap } from "./helpers";

async function progressRows(userId: string, milestoneId: string) {
  return getDb()
    .select()
    .from(milestoneProgress)
    .where(and(eq(milestoneProgress.userId, userId), eq(milestoneProgress.milestoneId, milestoneId)));
}

describe("setting a milestone's status", () => {
  it("saves the status and records who changed what, from what, to what, and when", async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    const before = Date.now();
    const change = await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });

    expect(change).toEqual({ milestoneId: first!.id, status: "done", changed: true });
    const { statuses } = await viewRoadmap({ viewer: learner, slug: "backend-developer" });
    expect(statuses[first!.id]).toBe("done");
    const events = await eventsOf(learner);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ milestoneId: first!.id, fromStatus: "not_started", toStatus: "done" });
    expect(events[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const [event] = await getDb().select().from(progressEvents).where(eq(progressEvents.userId, learner.id));
    expect(event?.actorId).toBe(learner.id);
  });

  it("records nothing new when the same status is sent again", async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "in_progress" });
    const repeat = await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "in_progress" });
    expect(repeat.changed).toBe(false);
    expect(await eventsOf(learner)).toHaveLength(1);
    expect(await progressRows(learner.id, first!.id)).toHaveLength(1);
  });

  it("writes a change in four statements: the learner's lock, the current status, the write, the summary", async () => {
    const learner = await createLearner();
    const [first, second] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "in_progress" });
    const { queries } = await countQueries(() =>
      setMilestoneStatus({ viewer: learner, milestoneId: second!.id, status: "in_progress" }),
    );
    expect(queries).toBe(4);
    expect(await statusesOf({ viewer: learner, roadmapSlug: "backend-developer" })).toEqual({
      [first!.id]: "in_progress",
      [second!.id]: "in_progress",
    });
  });

  it("follows the learner onto the roadmap the first time they tick something", async () => {
    const learner = await createLearner();
    const milestones = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: milestones[0]!.id, status: "done" });
    await setMilestoneStatus({ viewer: learner, milestoneId: milestones[1]!.id, status: "done" });
    const rows = await getDb().select().from(enrollments).where(eq(enrollments.userId, learner.id));
    expect(rows).toHaveLength(1);
  });

  it("remembers when a milestone was started and finished", async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "in_progress" });
    const [started] = await progressRows(learner.id, first!.id);
    expect(started?.startedAt).toBeInstanceOf(Date);
    expect(started?.completedAt).toBeNull();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    const [finished] = await progressRows(learner.id, first!.id);
    expect(finished?.startedAt).toEqual(started?.startedAt);
    expect(finished?.completedAt).toBeInstanceOf(Date);
  });

  it("refuses an unknown milestone and writes nothing", async () => {
    const learner = await createLearner();
    const attempt = setMilestoneStatus({ viewer: learner, milestoneId: crypto.randomUUID(), status: "done" });
    await expect(attempt).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await eventsOf(learner)).toHaveLength(0);
    expect(await getDb().select().from(enrollments).where(eq(enrollments.userId, learner.id))).toHaveLength(0);
  });

  it("keeps one row and a gap-free event chain under concurrent changes", async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    const sequence: MilestoneStatus[] = Array.from({ length: 24 }, (_, i) => MILESTONE_STATUSES[i % 4]!);
    const results = await Promise.all(
      sequence.map((status) => setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status })),
    );

    const rows = await progressRows(learner.id, first!.id);
    expect(rows).toHaveLength(1);
    const events = await eventsOf(learner);
    expect(events).toHaveLength(results.filter((result) => result.changed).length);
    let previous: MilestoneStatus = "not_started";
    for (const event of events) {
      expect(event.fromStatus).toBe(previous);
      expect(event.toStatus).not.toBe(event.fromStatus);
      previous = event.toStatus;
    }
    expect(rows[0]!.status).toBe(previous);
  });

  it("never lets one learner see another's progress", async () => {
    const alice = await createLearner("Alice");
    const bob = await createLearner("Bob");
    const [first, second] = await backendMilestones();
    await setMilestoneStatus({ viewer: alice, milestoneId: first!.id, status: "done" });
    await setMilestoneStatus({ viewer: bob, milestoneId: second!.id, status: "skipped" });

    expect(await statusesOf({ viewer: alice, roadmapSlug: "backend-developer" })).toEqual({
      [first!.id]: "done",
    });
    expect(await statusesOf({ viewer: bob, roadmapSlug: "backend-developer" })).toEqual({
      [second!.id]: "skipped",
    });
    expect(await eventsOf(bob)).toHaveLength(1);
  });

  it("shows a signed-out visitor the roadmap with no progress", async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    const { roadmap, statuses } = await viewRoadmap({ viewer: null, slug: "backend-developer" });
    expect(roadmap.stages).toHaveLength(4);
    expect(statuses).toEqual({});
  });

  it("answers not found for a roadmap that does not exist", async () => {
    await expect(viewRoadmap({ viewer: null, slug: "no-such-roadmap" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
