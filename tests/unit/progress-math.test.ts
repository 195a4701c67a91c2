import { describe, expect, it } from "vitest";
import {
  countProgress,
  findCurrentStageId,
  findNextMilestoneId,
  formatStageWindow,
  MILESTONE_STATUSES,
  nextProgressTimestamps,
  percentDone,
  summarizeRoadmap,
  type RoadmapOutline,
} from "@/lib/domain/progress-math";
import { milestoneStatus } from "@/db/schema";

const outline: RoadmapOutline = [
  { id: "s1", milestoneIds: ["a", "b"] },
  { id: "s2", milestoneIds: ["c", "d", "e"] },
];

describe("percentDone", () => {
  it("never shows 100% while a milestone is left", () => {
    expect(percentDone(199, 200)).toBe(99);
    expect(percentDone(2, 3)).toBe(66);
  });

  it("shows 100% once every milestone is done", () => {
    expect(percentDone(3, 3)).toBe(100);
  });

  it("shows 0% for a roadmap with no milestones instead of dividing by zero", () => {
    expect(percentDone(0, 0)).toBe(0);
  });

  it("rounds a partial share down to a whole percent", () => {
    expect(percentDone(1, 3)).toBe(33);
    expect(Number.isInteger(percentDone(1, 7))).toBe(true);
  });
});

describe("countProgress", () => {
  it("treats milestones the learner never touched as not started", () => {
    expect(countProgress(["a", "b"], {})).toEqual({
      total: 2,
      done: 0,
      inProgress: 0,
      skipped: 0,
      notStarted: 2,
      percent: 0,
    });
  });

  it("never counts a skipped milestone as done", () => {
    const counts = countProgress(["a", "b"], { a: "done", b: "skipped" });
    expect(counts.done).toBe(1);
    expect(counts.skipped).toBe(1);
    expect(counts.percent).toBe(50);
  });

  it("counts each status separately", () => {
    const counts = countProgress(["a", "b", "c", "d"], { a: "done", b: "in_progress", c: "skipped" });
    expect(counts).toMatchObject({ total: 4, done: 1, inProgress: 1, skipped: 1, notStarted: 1, percent: 25 });
  });

  it("ignores statuses for milestones that are not on the roadmap", () => {
    const counts = countProgress(["a"], { a: "done", retired: "done" });
    expect(counts).toMatchObject({ total: 1, done: 1, percent: 100 });
  });
});

describe("summarizeRoadmap", () => {
  it("gives each stage its own counts and the whole roadmap an overall count", () => {
    const summary = summarizeRoadmap(outline, { a: "done", b: "done", c: "in_progress" });
    expect(summary.stages.s1).toMatchObject({ total: 2, done: 2, percent: 100 });
    expect(summary.stages.s2).toMatchObject({ total: 3, done: 0, inProgress: 1, notStarted: 2, percent: 0 });
    expect(summary.overall).toMatchObject({ total: 5, done: 2, inProgress: 1, percent: 40 });
  });
});

describe("findNextMilestoneId", () => {
  it("points a new learner at the very first milestone", () => {
    expect(findNextMilestoneId(outline, {})).toBe("a");
  });

  it("passes over done and skipped milestones, across stage boundaries", () => {
    expect(findNextMilestoneId(outline, { a: "done", b: "skipped" })).toBe("c");
  });

  it("suggests an in-progress milestone as the next one", () => {
    expect(findNextMilestoneId(outline, { a: "done", b: "in_progress" })).toBe("b");
  });

  it("has nothing left to suggest once everything is done or skipped", () => {
    expect(findNextMilestoneId(outline, { a: "done", b: "skipped", c: "done", d: "done", e: "skipped" })).toBeNull();
  });
});

describe("findCurrentStageId", () => {
  it("is the stage holding the next milestone", () => {
    expect(findCurrentStageId(outline, {})).toBe("s1");
    expect(findCurrentStageId(outline, { a: "done", b: "done" })).toBe("s2");
  });

  it("is null once the whole roadmap is finished", () => {
    expect(findCurrentStageId(outline, { a: "done", b: "done", c: "done", d: "done", e: "done" })).toBeNull();
  });
});

describe("nextProgressTimestamps", () => {
  const t1 = new Date("2025-01-01T00:00:00Z");
  const t2 = new Date("2025-02-01T00:00:00Z");
  const t3 = new Date("2025-03-01T00:00:00Z");
  const blank = { startedAt: null, completedAt: null };

  it("records the start time when a learner starts a milestone", () => {
    expect(nextProgressTimestamps(blank, "in_progress", t1)).toEqual({ startedAt: t1, completedAt: null });
  });

  it("sets both start and finish when a milestone is marked done straight away", () => {
    expect(nextProgressTimestamps(blank, "done", t1)).toEqual({ startedAt: t1, completedAt: t1 });
  });

  it("keeps the original start time when a started milestone is finished later", () => {
    const started = nextProgressTimestamps(blank, "in_progress", t1);
    expect(nextProgressTimestamps(started, "done", t2)).toEqual({ startedAt: t1, completedAt: t2 });
  });

  it("forgets the finish time when a done milestone is reopened, but keeps the start", () => {
    expect(nextProgressTimestamps({ startedAt: t1, completedAt: t2 }, "in_progress", t3)).toEqual({
      startedAt: t1,
      completedAt: null,
    });
  });

  it("keeps the first finish time when done is saved again", () => {
    expect(nextProgressTimestamps({ startedAt: t1, completedAt: t2 }, "done", t3)).toEqual({
      startedAt: t1,
      completedAt: t2,
    });
  });

  it("clears both times when a milestone is reset to not started", () => {
    expect(nextProgressTimestamps({ startedAt: t1, completedAt: t2 }, "not_started", t3)).toEqual(blank);
  });

  it("keeps the start but clears the finish when a milestone is skipped", () => {
    expect(nextProgressTimestamps({ startedAt: t1, completedAt: t2 }, "skipped", t3)).toEqual({
      startedAt: t1,
      completedAt: null,
    });
  });

  it("does not invent a start time for a milestone skipped without starting", () => {
    expect(nextProgressTimestamps(blank, "skipped", t1)).toEqual(blank);
  });
});

describe("formatStageWindow", () => {
  it("names a bounded window in months with an en dash", () => {
    expect(formatStageWindow(0, 3)).toBe("0–3 months");
    expect(formatStageWindow(6, 12)).toBe("6–12 months");
  });

  it("names an open-ended window from one year as '1+ year'", () => {
    expect(formatStageWindow(12, null)).toBe("1+ year");
  });

  it("uses the plural for open-ended windows of several years", () => {
    expect(formatStageWindow(24, null)).toBe("2+ years");
  });

  it("falls back to months for an open-ended window that is not whole years", () => {
    expect(formatStageWindow(5, null)).toBe("5+ months");
  });
});

describe("milestone statuses", () => {
  it("are the same list in the domain and in the database's enum", () => {
    expect(milestoneStatus.enumValues).toEqual([...MILESTONE_STATUSES]);
  });
});
