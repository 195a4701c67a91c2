import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { progressEvents, users } from "@/db/schema";
import { getActivityForViewer, setPaceSettings, undoLastChange } from "@/lib/data/insight";
import { getMenteeForViewer } from "@/lib/data/mentee";
import { acceptInvite, createInvite } from "@/lib/data/mentorships";
import { getDashboardForViewer } from "@/lib/data/dashboard";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import { backendMilestones, createLearner, datesOf, statusesOf } from "./helpers";

const DAY = 24 * 60 * 60 * 1000;

describe("history, from the progress event log", () => {
  it("derives streaks, the heatmap and the timeline from events alone", async () => {
    const learner = await createLearner();
    const [first, second, third] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    await setMilestoneStatus({ viewer: learner, milestoneId: second!.id, status: "in_progress" });
    await setMilestoneStatus({ viewer: learner, milestoneId: third!.id, status: "skipped" });
    // Move the first two events back a day and two days: three consecutive active days.
    const events = await getDb()
      .select({ id: progressEvents.id })
      .from(progressEvents)
      .where(eq(progressEvents.userId, learner.id))
      .orderBy(progressEvents.id);
    const now = new Date();
    await getDb()
      .update(progressEvents)
      .set({ createdAt: new Date(now.getTime() - 2 * DAY) })
      .where(eq(progressEvents.id, events[0]!.id));
    await getDb()
      .update(progressEvents)
      .set({ createdAt: new Date(now.getTime() - DAY) })
      .where(eq(progressEvents.id, events[1]!.id));

    const activity = await getActivityForViewer({ viewer: learner, now });
    expect(activity.streaks).toEqual({ current: 3, longest: 3 });
    expect(activity.heatmap).toHaveLength(365);
    expect(activity.activeDayCount).toBe(3);
    expect(activity.timeline.map((item) => [item.milestoneTitle, item.toStatus])).toEqual([
      [third!.title, "skipped"],
      [second!.title, "in_progress"],
      [first!.title, "done"],
    ]);
    expect(activity.undoableEventId).toBe(activity.timeline[0]!.id);
  });

  it("counts days in the learner's time zone", async () => {
    const learner = await createLearner();
    const [first, second] = await backendMilestones();
    await getDb().update(users).set({ timeZone: "Asia/Tokyo" }).where(eq(users.id, learner.id));
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    await setMilestoneStatus({ viewer: learner, milestoneId: second!.id, status: "done" });
    const [a, b] = await getDb()
      .select({ id: progressEvents.id })
      .from(progressEvents)
      .where(eq(progressEvents.userId, learner.id));
    // 14:30 and 15:30 UTC: the same UTC day, but either side of midnight in Tokyo.
    await getDb()
      .update(progressEvents)
      .set({ createdAt: new Date("2026-03-01T14:30:00Z") })
      .where(eq(progressEvents.id, a!.id));
    await getDb()
      .update(progressEvents)
      .set({ createdAt: new Date("2026-03-01T15:30:00Z") })
      .where(eq(progressEvents.id, b!.id));

    const activity = await getActivityForViewer({ viewer: learner, now: new Date("2026-03-02T03:00:00Z") });
    expect(activity.timeZone).toBe("Asia/Tokyo");
    expect(activity.today).toBe("2026-03-02");
    expect(activity.streaks).toEqual({ current: 2, longest: 2 });
  });

  it("undoes the latest change by recording the opposite one, keeping the log append-only", async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "in_progress" });
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    const { undoableEventId } = await getActivityForViewer({ viewer: learner });

    await undoLastChange({ viewer: learner, eventId: undoableEventId! });
    expect(await statusesOf({ viewer: learner, roadmapSlug: "backend-developer" })).toEqual({
      [first!.id]: "in_progress",
    });
    const log = await getDb()
      .select({ from: progressEvents.fromStatus, to: progressEvents.toStatus })
      .from(progressEvents)
      .where(and(eq(progressEvents.userId, learner.id), eq(progressEvents.milestoneId, first!.id)))
      .orderBy(progressEvents.id);
    expect(log).toEqual([
      { from: "not_started", to: "in_progress" },
      { from: "in_progress", to: "done" },
      { from: "done", to: "in_progress" },
    ]);
    await expect(undoLastChange({ viewer: learner, eventId: undoableEventId! })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("never undoes someone else's change", async () => {
    const learner = await createLearner();
    const other = await createLearner();
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    const { undoableEventId } = await getActivityForViewer({ viewer: learner });
    await expect(undoLastChange({ viewer: other, eventId: undoableEventId! })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("replays when each milestone was started and finished", async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "in_progress" });
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    const dates = await datesOf({ viewer: learner, roadmapSlug: "backend-developer" });
    expect(dates[first!.id]!.startedAt).not.toBeNull();
    expect(dates[first!.id]!.completedAt).not.toBeNull();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "in_progress" });
    const reopened = await datesOf({ viewer: learner, roadmapSlug: "backend-developer" });
    expect(reopened[first!.id]).toEqual({ startedAt: dates[first!.id]!.startedAt, completedAt: null });
  });
});

describe("the order of the event log", () => {
  /** Two changes, the second then moved back in time: it keeps the higher id but is the older one. */
  async function olderChangeWithNewerId() {
    const learner = await createLearner();
    const [first, second] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    await setMilestoneStatus({ viewer: learner, milestoneId: second!.id, status: "in_progress" });
    const [latest, older] = await getDb()
      .select({ id: progressEvents.id })
      .from(progressEvents)
      .where(eq(progressEvents.userId, learner.id))
      .orderBy(progressEvents.id);
    await getDb()
      .update(progressEvents)
      .set({ createdAt: new Date(Date.now() - 90 * DAY) })
      .where(eq(progressEvents.id, older!.id));
    return { learner, first: first!, second: second!, latestId: latest!.id, olderId: older!.id };
  }

  it("lists the timeline newest first by time, and offers the latest change by time to Undo", async () => {
    const { learner, first, second, latestId, olderId } = await olderChangeWithNewerId();
    const activity = await getActivityForViewer({ viewer: learner });
    expect(activity.timeline.map((item) => [item.id, item.milestoneTitle])).toEqual([
      [latestId, first.title],
      [olderId, second.title],
    ]);
    expect(activity.undoableEventId).toBe(latestId);

    await expect(undoLastChange({ viewer: learner, eventId: olderId })).rejects.toMatchObject({ code: "CONFLICT" });
    await undoLastChange({ viewer: learner, eventId: latestId });
    // The undone milestone is back to not started, which the status map leaves out.
    expect(await statusesOf({ viewer: learner, roadmapSlug: "backend-developer" })).toEqual({
      [second.id]: "in_progress",
    });
  });

  it("shows a mentor the mentee's recent activity newest first by time", async () => {
    const { learner, latestId, olderId } = await olderChangeWithNewerId();
    const mentor = await createLearner("Maya Mentor");
    const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
    const { mentorshipId } = await acceptInvite({ viewer: learner, token: invite.token });
    const { activity } = await getMenteeForViewer({ viewer: mentor, mentorshipId });
    expect(activity.map((item) => item.id)).toEqual([latestId, olderId]);
  });

  it("replays milestone dates in time order", async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "in_progress" });
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    const [started, finished] = await getDb()
      .select({ id: progressEvents.id })
      .from(progressEvents)
      .where(eq(progressEvents.userId, learner.id))
      .orderBy(progressEvents.id);
    // By time, the milestone was done on 1 January and reopened on 1 February.
    await getDb()
      .update(progressEvents)
      .set({ createdAt: new Date("2026-02-01T00:00:00Z") })
      .where(eq(progressEvents.id, started!.id));
    await getDb()
      .update(progressEvents)
      .set({ createdAt: new Date("2026-01-01T00:00:00Z") })
      .where(eq(progressEvents.id, finished!.id));
    const dates = await datesOf({ viewer: learner, roadmapSlug: "backend-developer" });
    expect(dates[first!.id]).toEqual({ startedAt: "2026-01-01T00:00:00.000Z", completedAt: null });
  });
});

describe("pace on the dashboard", () => {
  it("measures each stage against its window from the start date the learner chose", async () => {
    const learner = await createLearner();
    const milestones = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: milestones[0]!.id, status: "done" });
    const now = new Date("2026-02-15T12:00:00Z");
    await setPaceSettings({
      viewer: learner,
      settings: {
        roadmapSlug: "backend-developer",
        plannedStart: "2026-01-01",
        targetDate: null,
        stageTargets: {},
        timeZone: "Europe/Berlin",
      },
    });
    const [roadmap] = await getDashboardForViewer({ viewer: learner, now });
    expect(roadmap!.pace.start).toBe("2026-01-01");
    const foundation = roadmap!.pace.stages[0]!;
    expect(foundation.plannedEnd).toBe("2026-04-01");
    expect(foundation.expectedPercent).toBe(50);
    expect(foundation.status).toBe("behind");
    expect(roadmap!.pace.stages[1]!.status).toBe("not_started");
  });

  it("refuses targets before the start date, naming the field, and keeps nothing half-saved", async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    await expect(
      setPaceSettings({
        viewer: learner,
        settings: {
          roadmapSlug: "backend-developer",
          plannedStart: "2026-05-01",
          targetDate: "2026-04-01",
          stageTargets: { foundation: "2026-03-01" },
          timeZone: "UTC",
        },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { targetDate: [expect.any(String)], "stage-foundation": [expect.any(String)] },
    });
    const [roadmap] = await getDashboardForViewer({ viewer: learner });
    expect(roadmap!.paceSettings).toEqual({ plannedStart: null, targetDate: null, stageTargets: {} });
  });

  it("refuses an unknown time zone and a roadmap the learner doesn't follow", async () => {
    const learner = await createLearner();
    const settings = { roadmapSlug: "backend-developer", plannedStart: null, targetDate: null, stageTargets: {} };
    await expect(
      setPaceSettings({ viewer: learner, settings: { ...settings, timeZone: "Mars/Olympus_Mons" } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      setPaceSettings({ viewer: learner, settings: { ...settings, timeZone: "UTC" } }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("saves stage targets and a roadmap target that reshape the plan", async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    await setPaceSettings({
      viewer: learner,
      settings: {
        roadmapSlug: "backend-developer",
        plannedStart: "2026-01-01",
        targetDate: "2026-12-31",
        stageTargets: { foundation: "2026-02-01" },
        timeZone: "UTC",
      },
    });
    const [roadmap] = await getDashboardForViewer({ viewer: learner, now: new Date("2026-01-10T00:00:00Z") });
    expect(roadmap!.pace.stages[0]!.plannedEnd).toBe("2026-02-01");
    expect(roadmap!.pace.overall.plannedEnd).toBe("2026-12-31");
    expect(roadmap!.paceSettings.targetDate).toBe("2026-12-31");
  });
});
