import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, type LocalDate } from "@/lib/domain/dates";
import {
  computePace,
  describeProjectionNeeds,
  expectedPercent,
  MIN_PROJECTION_DAYS,
  MIN_PROJECTION_MILESTONES,
  OPEN_STAGE_MONTHS,
  PACE_TOLERANCE_PERCENT,
  paceStatus,
  planStages,
  projectedPaceStatus,
  projectFinish,
  projectionNeeds,
  recentRate,
  stageTargetProblems,
  RECENT_RATE_DAYS,
  UNTIMED_STAGE_MONTHS,
  type PaceCounts,
  type StageWindow,
} from "@/lib/domain/pace";
import type { MilestoneStatus } from "@/lib/domain/progress-math";

/** The product's four stages: 0–3, 3–6, 6–12 months and 1+ year. */
const STAGES: StageWindow[] = [
  { id: "foundation", startMonth: 0, endMonth: 3 },
  { id: "intermediate", startMonth: 3, endMonth: 6 },
  { id: "advanced", startMonth: 6, endMonth: 12 },
  { id: "professional", startMonth: 12, endMonth: null },
];
const START = "2026-01-01";

const DEFAULT_PLAN = [
  { id: "foundation", plannedStart: "2026-01-01", plannedEnd: "2026-04-01" },
  { id: "intermediate", plannedStart: "2026-04-01", plannedEnd: "2026-07-01" },
  { id: "advanced", plannedStart: "2026-07-01", plannedEnd: "2027-01-01" },
  { id: "professional", plannedStart: "2027-01-01", plannedEnd: "2028-01-01" },
];

const counts = (total: number, done: number, skipped = 0, inProgress = 0): PaceCounts => ({
  total,
  done,
  skipped,
  inProgress,
});

type Event = { toStatus: MilestoneStatus; at: Date };

/** `n` events of one status at noon UTC, one per day counting back from `today`. */
function eventsBefore(today: LocalDate, n: number, toStatus: MilestoneStatus = "done"): Event[] {
  return Array.from({ length: n }, (_, index) => ({
    toStatus,
    at: new Date(`${addDays(today, -index)}T12:00:00Z`),
  }));
}

const windowDays = (stage: { plannedStart: LocalDate; plannedEnd: LocalDate }) =>
  daysBetween(stage.plannedStart, stage.plannedEnd);

describe("planStages", () => {
  it("plans each stage from the start date using its window in months", () => {
    expect(planStages({ start: START, stages: STAGES })).toEqual(DEFAULT_PLAN);
  });

  it("plans the Foundation stage (0–3 months) from 2026-01-01 to end on 2026-04-01", () => {
    const [foundation] = planStages({ start: START, stages: STAGES });
    expect(foundation).toEqual({ id: "foundation", plannedStart: "2026-01-01", plannedEnd: "2026-04-01" });
  });

  it("plans a stage without a time window right after the one before it, for UNTIMED_STAGE_MONTHS months", () => {
    const stages: StageWindow[] = [
      { id: "basics", startMonth: null, endMonth: null },
      { id: "timed", startMonth: 1, endMonth: 2 },
      { id: "after", startMonth: null, endMonth: null },
    ];
    expect(planStages({ start: START, stages })).toEqual([
      { id: "basics", plannedStart: START, plannedEnd: addMonths(START, UNTIMED_STAGE_MONTHS) },
      { id: "timed", plannedStart: addMonths(START, 1), plannedEnd: addMonths(START, 2) },
      {
        id: "after",
        plannedStart: addMonths(START, UNTIMED_STAGE_MONTHS),
        plannedEnd: addMonths(START, 2 * UNTIMED_STAGE_MONTHS),
      },
    ]);
  });

  it("plans the open-ended stage for OPEN_STAGE_MONTHS months", () => {
    expect(OPEN_STAGE_MONTHS).toBe(12);
    const professional = planStages({ start: START, stages: STAGES }).at(-1);
    expect(professional?.plannedStart).toBe(addMonths(START, 12));
    expect(professional?.plannedEnd).toBe(addMonths(START, 12 + OPEN_STAGE_MONTHS));
  });

  it("clamps month-end start dates (a learner starting on Jan 31 ends Foundation on Apr 30)", () => {
    const [foundation, intermediate] = planStages({ start: "2026-01-31", stages: STAGES });
    expect(foundation?.plannedEnd).toBe("2026-04-30");
    expect(intermediate?.plannedStart).toBe("2026-04-30");
    expect(intermediate?.plannedEnd).toBe("2026-07-31");
  });

  it("halves every stage window when the roadmap target halves the plan", () => {
    // Default plan spans 2026-01-01 → 2028-01-01 (730 days); the target is 365 days in.
    const plan = planStages({ start: START, stages: STAGES, roadmapTarget: "2027-01-01" });
    expect(plan).toEqual([
      { id: "foundation", plannedStart: "2026-01-01", plannedEnd: "2026-02-15" },
      { id: "intermediate", plannedStart: "2026-02-15", plannedEnd: "2026-04-02" },
      { id: "advanced", plannedStart: "2026-04-02", plannedEnd: "2026-07-03" },
      { id: "professional", plannedStart: "2026-07-03", plannedEnd: "2027-01-01" },
    ]);
    plan.forEach((stage, index) => {
      const original = DEFAULT_PLAN[index]!;
      expect(Math.abs(windowDays(stage) - windowDays(original) / 2)).toBeLessThanOrEqual(1);
    });
  });

  it("ends the last stage exactly on the roadmap target", () => {
    for (const target of ["2026-07-01", "2027-01-01", "2027-09-15", "2030-01-01"]) {
      const plan = planStages({ start: START, stages: STAGES, roadmapTarget: target });
      expect(plan.at(-1)?.plannedEnd).toBe(target);
    }
  });

  it("stretches every stage when the roadmap target doubles the plan", () => {
    // 2029-12-31 is 1460 days after the start: twice the default 730.
    const plan = planStages({ start: START, stages: STAGES, roadmapTarget: "2029-12-31" });
    expect(plan.map(windowDays)).toEqual(DEFAULT_PLAN.map((stage) => windowDays(stage) * 2));
    expect(plan.at(0)?.plannedEnd).toBe("2026-06-30");
  });

  it("keeps stages back to back when a roadmap target rescales them", () => {
    const plan = planStages({ start: START, stages: STAGES, roadmapTarget: "2027-05-20" });
    expect(plan.at(0)?.plannedStart).toBe(START);
    for (let index = 1; index < plan.length; index++) {
      expect(plan[index]?.plannedStart).toBe(plan[index - 1]?.plannedEnd);
    }
  });

  it("moves only that stage's end when the learner sets a stage target", () => {
    const plan = planStages({ start: START, stages: STAGES, stageTargets: { intermediate: "2026-08-15" } });
    expect(plan).toEqual([
      DEFAULT_PLAN[0],
      { id: "intermediate", plannedStart: "2026-04-01", plannedEnd: "2026-08-15" },
      DEFAULT_PLAN[2],
      DEFAULT_PLAN[3],
    ]);
  });

  it("lets a stage target win over the roadmap target for that stage only", () => {
    const halved = planStages({ start: START, stages: STAGES, roadmapTarget: "2027-01-01" });
    const plan = planStages({
      start: START,
      stages: STAGES,
      roadmapTarget: "2027-01-01",
      stageTargets: { foundation: "2026-03-01" },
    });
    expect(plan.at(0)).toEqual({ id: "foundation", plannedStart: "2026-01-01", plannedEnd: "2026-03-01" });
    expect(plan.slice(1)).toEqual(halved.slice(1));
  });

  it("ignores stage targets for stages that are not in the roadmap", () => {
    expect(planStages({ start: START, stages: STAGES, stageTargets: { retired: "2026-02-01" } })).toEqual(DEFAULT_PLAN);
  });

  it("never plans a stage to end on or before the day it starts", () => {
    const plan = planStages({ start: START, stages: STAGES, stageTargets: { advanced: "2026-05-01" } });
    expect(plan.at(2)).toEqual({ id: "advanced", plannedStart: "2026-07-01", plannedEnd: "2026-07-02" });

    const squeezed = planStages({ start: START, stages: STAGES, roadmapTarget: "2025-06-01" });
    for (const stage of squeezed) expect(stage.plannedEnd > stage.plannedStart).toBe(true);
  });

  it("plans nothing for a roadmap without stages", () => {
    expect(planStages({ start: START, stages: [] })).toEqual([]);
  });
});

describe("expectedPercent", () => {
  const [start, end] = ["2026-01-01", "2026-04-01"]; // Foundation: 90 days

  it("expects 50% when the learner is 45 days into a 90-day window", () => {
    expect(daysBetween(start, end)).toBe(90);
    expect(expectedPercent(start, end, "2026-02-15")).toBe(50);
  });

  it("expects nothing on or before the first day of the window", () => {
    expect(expectedPercent(start, end, start)).toBe(0);
    expect(expectedPercent(start, end, "2025-12-01")).toBe(0);
  });

  it("expects everything on and after the planned end", () => {
    expect(expectedPercent(start, end, end)).toBe(100);
    expect(expectedPercent(start, end, "2027-01-01")).toBe(100);
  });

  it("rounds down to whole percent so it never shows 100% before the end", () => {
    expect(expectedPercent(start, end, "2026-01-02")).toBe(1); // 1/90 = 1.1%
    expect(expectedPercent(start, end, "2026-03-31")).toBe(98); // 89/90 = 98.9%
  });

  it("shows exactly 29% when 29 days of a 100-day window have passed", () => {
    // 29 / 100 * 100 is 28.999999999999996 in floating point.
    expect(expectedPercent("2026-01-01", "2026-04-11", "2026-01-30")).toBe(29);
  });
});

describe("paceStatus", () => {
  it("uses a 10-point tolerance", () => {
    expect(PACE_TOLERANCE_PERCENT).toBe(10);
  });

  it("is not started when nothing has been touched and no time has passed", () => {
    expect(paceStatus(counts(4, 0), 0)).toBe("not_started");
  });

  it("is on track, not 'not started', once a milestone is in progress on day one", () => {
    expect(paceStatus(counts(4, 0, 0, 1), 0)).toBe("on_track");
  });

  it("is complete once every milestone is done", () => {
    expect(paceStatus(counts(4, 4), 30)).toBe("complete");
    expect(paceStatus(counts(4, 4), 0)).toBe("complete");
  });

  it("counts skipped milestones as handled: 2 done + 2 skipped of 4 is complete", () => {
    expect(paceStatus(counts(4, 2, 2), 50)).toBe("complete");
    expect(paceStatus(counts(4, 0, 4), 100)).toBe("complete");
  });

  it("counts 1 done + 1 skipped of 4 as 50% for pace", () => {
    expect(paceStatus(counts(4, 1, 1), 50)).toBe("on_track");
    expect(paceStatus(counts(4, 1, 1), 60)).toBe("behind");
    expect(paceStatus(counts(4, 1, 1), 40)).toBe("ahead");
  });

  it("is ahead when exactly 10 points ahead", () => {
    expect(paceStatus(counts(100, 60), 50)).toBe("ahead");
    expect(paceStatus(counts(10, 6), 50)).toBe("ahead");
  });

  it("is on track when only 9 points ahead", () => {
    expect(paceStatus(counts(100, 59), 50)).toBe("on_track");
  });

  it("is behind when exactly 10 points behind", () => {
    expect(paceStatus(counts(100, 50), 60)).toBe("behind");
  });

  it("is on track when only 9 points behind", () => {
    expect(paceStatus(counts(100, 50), 59)).toBe("on_track");
  });

  it("is ahead at exactly 10 points even when the share is not exact in floating point", () => {
    // 58 of 100 is 58%, and 58 - 48 = 10; 58 / 100 * 100 is 57.99999999999999.
    expect(paceStatus(counts(100, 58), 48)).toBe("ahead");
  });

  it("is behind once the target has passed (expected 100%) unless complete", () => {
    expect(paceStatus(counts(4, 0), 100)).toBe("behind");
    expect(paceStatus(counts(4, 2), 100)).toBe("behind");
    expect(paceStatus(counts(4, 1, 1, 2), 100)).toBe("behind");
    expect(paceStatus(counts(4, 3, 1), 100)).toBe("complete");
  });

  it("is ahead when a learner finishes something before any time has passed", () => {
    expect(paceStatus(counts(4, 1), 0)).toBe("ahead");
  });
});

describe("recentRate", () => {
  const today = "2026-03-28";

  it("is zero with no activity", () => {
    expect(recentRate([], today, "UTC")).toBe(0);
  });

  it("is milestones finished per day over the last 28 days", () => {
    expect(RECENT_RATE_DAYS).toBe(28);
    expect(recentRate(eventsBefore(today, 14), today, "UTC")).toBe(0.5);
    expect(recentRate(eventsBefore(today, 28), today, "UTC")).toBe(1);
  });

  it("counts skipped milestones as well as done ones", () => {
    const events = [...eventsBefore(today, 7, "done"), ...eventsBefore(today, 7, "skipped")];
    expect(recentRate(events, today, "UTC")).toBe(0.5);
  });

  it("ignores milestones that were only started or reset", () => {
    const events = [
      ...eventsBefore(today, 7, "done"),
      ...eventsBefore(today, 10, "in_progress"),
      ...eventsBefore(today, 10, "not_started"),
    ];
    expect(recentRate(events, today, "UTC")).toBe(7 / 28);
  });

  it("counts today and the 27 days before it, and nothing older", () => {
    const events: Event[] = [
      { toStatus: "done", at: new Date("2026-03-28T23:59:00Z") }, // today
      { toStatus: "done", at: new Date("2026-03-01T00:00:00Z") }, // 27 days ago
      { toStatus: "done", at: new Date("2026-02-28T23:59:00Z") }, // 28 days ago
      { toStatus: "done", at: new Date("2026-01-15T12:00:00Z") },
    ];
    expect(recentRate(events, today, "UTC")).toBe(2 / 28);
  });

  it("ignores events dated after today", () => {
    const events: Event[] = [
      { toStatus: "done", at: new Date("2026-03-28T12:00:00Z") },
      { toStatus: "done", at: new Date("2026-03-29T00:00:00Z") },
    ];
    expect(recentRate(events, today, "UTC")).toBe(1 / 28);
  });

  it("decides the 28-day window by the learner's local day", () => {
    // The window for 2026-03-29 starts on 2026-03-02. 2026-03-01T23:30Z is already
    // Mar 2 in Tokyo, but still Mar 1 in Los Angeles.
    const events: Event[] = [{ toStatus: "done", at: new Date("2026-03-01T23:30:00Z") }];
    expect(recentRate(events, "2026-03-29", "Asia/Tokyo")).toBe(1 / 28);
    expect(recentRate(events, "2026-03-29", "America/Los_Angeles")).toBe(0);
  });

  it("decides what counts as today by the learner's local day", () => {
    // On Mar 1 in Los Angeles this happened today; in Tokyo it is already Mar 2.
    const events: Event[] = [{ toStatus: "done", at: new Date("2026-03-01T23:30:00Z") }];
    expect(recentRate(events, "2026-03-01", "America/Los_Angeles")).toBe(1 / 28);
    expect(recentRate(events, "2026-03-01", "Asia/Tokyo")).toBe(0);
  });
});

describe("projectFinish", () => {
  const today = "2026-03-28";

  it("projects 3 remaining milestones at 0.5 a day to finish in 6 days", () => {
    expect(projectFinish(3, 0.5, today)).toBe("2026-04-03");
    expect(projectFinish(3, 0.5, today)).toBe(addDays(today, 6));
  });

  it("rounds a part day up to the next whole day", () => {
    expect(projectFinish(1, 0.3, today)).toBe(addDays(today, 4)); // 3.33 days
  });

  it("has no projection without a recent rate", () => {
    expect(projectFinish(3, 0, today)).toBeNull();
  });

  it("finishes today when nothing is left", () => {
    expect(projectFinish(0, 0, today)).toBe(today);
    expect(projectFinish(0, 0.5, today)).toBe(today);
  });

  it("projects exactly 28 days for 17 remaining after finishing 17 in the last 28 days", () => {
    const rate = recentRate(eventsBefore(today, 17), today, "UTC");
    // 17 / (17 / 28) is 28.000000000000004 in floating point.
    expect(projectFinish(17, rate, today)).toBe(addDays(today, 28));
  });
});

describe("computePace", () => {
  const allStageCounts = (make: (id: string) => PaceCounts) =>
    Object.fromEntries(STAGES.map((stage) => [stage.id, make(stage.id)]));

  it("shows a brand-new learner as not started with no projection", () => {
    const pace = computePace({
      start: START,
      stages: STAGES,
      counts: allStageCounts(() => counts(4, 0)),
      events: [],
      today: START,
      timeZone: "UTC",
    });
    expect(pace.rate).toBe(0);
    expect(pace.start).toBe(START);
    for (const stage of [...pace.stages, pace.overall]) {
      expect(stage.status).toBe("not_started");
      expect(stage.expectedPercent).toBe(0);
      expect(stage.actualPercent).toBe(0);
      expect(stage.projectedFinish).toBeNull();
    }
  });

  it("reports each stage against its planned window and the whole roadmap as 'overall'", () => {
    const pace = computePace({
      start: START,
      stages: STAGES,
      counts: allStageCounts(() => counts(4, 0)),
      events: [],
      today: "2026-02-15",
      timeZone: "UTC",
    });
    expect(pace.stages.map(({ id, plannedStart, plannedEnd }) => ({ id, plannedStart, plannedEnd }))).toEqual(
      DEFAULT_PLAN,
    );
    expect(pace.stages.at(0)?.expectedPercent).toBe(50);
    expect(pace.stages.at(1)?.status).toBe("not_started");
    expect(pace.overall).toMatchObject({ id: "overall", plannedStart: START, plannedEnd: "2028-01-01" });
    // Weighted by milestones: Foundation (4 of 16) is half-way, the rest haven't begun.
    expect(pace.overall.expectedPercent).toBe(12);
  });

  it("shows everything complete with no projection once every milestone is done", () => {
    const pace = computePace({
      start: START,
      stages: STAGES,
      counts: allStageCounts(() => counts(4, 4)),
      events: eventsBefore("2026-06-01", 16),
      today: "2026-06-01",
      timeZone: "UTC",
    });
    expect(pace.rate).toBeGreaterThan(0);
    for (const stage of [...pace.stages, pace.overall]) {
      expect(stage.status).toBe("complete");
      expect(stage.actualPercent).toBe(100);
      expect(stage.projectedFinish).toBeNull();
    }
  });

  it("treats a stage of 4 with 2 done and 2 skipped as complete", () => {
    const pace = computePace({
      start: START,
      stages: STAGES,
      counts: { ...allStageCounts(() => counts(4, 0)), foundation: counts(4, 2, 2) },
      events: eventsBefore("2026-02-15", 4),
      today: "2026-02-15",
      timeZone: "UTC",
    });
    expect(pace.stages.at(0)).toMatchObject({ status: "complete", actualPercent: 100, projectedFinish: null });
  });

  it("shows 1 done + 1 skipped of 4 as 50%, on track halfway through the window", () => {
    const pace = computePace({
      start: START,
      stages: STAGES,
      counts: { ...allStageCounts(() => counts(4, 0)), foundation: counts(4, 1, 1) },
      events: [],
      today: "2026-02-15",
      timeZone: "UTC",
    });
    expect(pace.stages.at(0)).toMatchObject({ expectedPercent: 50, actualPercent: 50, status: "on_track" });
  });

  it("shows 29 of 100 milestones handled as 29%", () => {
    const pace = computePace({
      start: START,
      stages: STAGES.slice(0, 1),
      counts: { foundation: counts(100, 20, 9) },
      events: [],
      today: "2026-01-10",
      timeZone: "UTC",
    });
    expect(pace.stages.at(0)?.actualPercent).toBe(29);
    expect(pace.overall.actualPercent).toBe(29);
  });

  it("shows stages as behind once a roadmap target in the past has gone by, unless they are complete", () => {
    const pace = computePace({
      start: START,
      stages: STAGES,
      counts: {
        foundation: counts(4, 3, 1),
        intermediate: counts(4, 2),
        advanced: counts(4, 0),
        professional: counts(4, 0),
      },
      events: [],
      today: "2026-07-01",
      timeZone: "UTC",
      roadmapTarget: "2026-06-01",
    });
    expect(pace.stages.map((stage) => stage.expectedPercent)).toEqual([100, 100, 100, 100]);
    expect(pace.stages.map((stage) => stage.status)).toEqual(["complete", "behind", "behind", "behind"]);
    expect(pace.overall).toMatchObject({ expectedPercent: 100, status: "behind" });
  });

  it("projects stages in order, so a later stage finishes after an earlier one", () => {
    const today = "2026-02-15";
    const pace = computePace({
      start: START,
      stages: STAGES,
      counts: {
        foundation: counts(16, 14), // 2 left
        intermediate: counts(4, 0, 0, 1), // 4 more: 6 in total
        advanced: counts(4, 0, 0, 1), // 10
        professional: counts(4, 0, 0, 1), // 14
      },
      events: eventsBefore(today, 14), // 0.5 a day
      today,
      timeZone: "UTC",
    });
    expect(pace.rate).toBe(0.5);
    expect(pace.stages.map((stage) => stage.projectedFinish)).toEqual([
      addDays(today, 4),
      addDays(today, 12),
      addDays(today, 20),
      addDays(today, 28),
    ]);
    expect(pace.overall.projectedFinish).toBe(addDays(today, 28));
    const [foundation, intermediate] = pace.stages;
    expect(intermediate!.projectedFinish! > foundation!.projectedFinish!).toBe(true);
  });

  it("doesn't add a completed stage's work to later stages' projections", () => {
    const today = "2026-04-15";
    const pace = computePace({
      start: START,
      stages: STAGES,
      counts: {
        foundation: counts(4, 2, 2),
        intermediate: counts(4, 1), // 3 left
        advanced: counts(2, 0, 0, 1), // 5
        professional: counts(0, 0),
      },
      events: eventsBefore(today, 14),
      today,
      timeZone: "UTC",
    });
    expect(pace.stages.map((stage) => stage.projectedFinish)).toEqual([
      null,
      addDays(today, 6),
      addDays(today, 10),
      null,
    ]);
    expect(pace.overall.projectedFinish).toBe(addDays(today, 10));
  });

  it("has no projection for unfinished stages when there was no recent activity", () => {
    const today = "2026-05-01";
    const pace = computePace({
      start: START,
      stages: STAGES,
      counts: allStageCounts(() => counts(4, 1)),
      events: eventsBefore("2026-03-01", 10), // all older than 28 days
      today,
      timeZone: "UTC",
    });
    expect(pace.rate).toBe(0);
    for (const stage of [...pace.stages, pace.overall]) expect(stage.projectedFinish).toBeNull();
  });

  it("combines every stage's counts for the overall pace", () => {
    const pace = computePace({
      start: START,
      stages: STAGES,
      counts: {
        foundation: counts(4, 4),
        intermediate: counts(4, 1, 1),
        advanced: counts(6, 0, 0, 2),
        professional: counts(6, 0),
      },
      events: [],
      today: "2026-07-01",
      timeZone: "UTC",
    });
    // 6 handled out of 20.
    expect(pace.overall.actualPercent).toBe(30);
  });

  it("uses the plan squeezed by a roadmap target and moved by stage targets", () => {
    const pace = computePace({
      start: START,
      stages: STAGES,
      counts: allStageCounts(() => counts(4, 0)),
      events: [],
      today: START,
      timeZone: "UTC",
      roadmapTarget: "2027-01-01",
      stageTargets: { advanced: "2026-08-01" },
    });
    expect(pace.stages.map((stage) => [stage.plannedStart, stage.plannedEnd])).toEqual([
      ["2026-01-01", "2026-02-15"],
      ["2026-02-15", "2026-04-02"],
      ["2026-04-02", "2026-08-01"],
      ["2026-07-03", "2027-01-01"],
    ]);
    expect(pace.overall.plannedEnd).toBe("2027-01-01");
  });

  it("measures the recent rate on the learner's own days", () => {
    // On 2026-03-29 the window starts on 2026-03-02: this event is inside it in Tokyo only.
    const base = {
      start: START,
      stages: STAGES,
      counts: allStageCounts(() => counts(4, 0)),
      events: [{ toStatus: "done" as const, at: new Date("2026-03-01T23:30:00Z") }],
      today: "2026-03-29",
    };
    expect(computePace({ ...base, timeZone: "Asia/Tokyo" }).rate).toBe(1 / 28);
    expect(computePace({ ...base, timeZone: "America/Los_Angeles" }).rate).toBe(0);
  });
});

describe("pace decisions the product made", () => {
  it("calls a stage behind once its target has passed, however little is left", () => {
    expect(paceStatus({ total: 20, done: 19, skipped: 0, inProgress: 1 }, 100)).toBe("behind");
  });

  it("calls an untouched stage not started early in its window, and behind once it is well under way", () => {
    const untouched = { total: 6, done: 0, skipped: 0, inProgress: 0 };
    expect(paceStatus(untouched, 5)).toBe("not_started");
    expect(paceStatus(untouched, 30)).toBe("behind");
  });

  it("counts a stage with no milestones as complete", () => {
    expect(paceStatus({ total: 0, done: 0, skipped: 0, inProgress: 0 }, 50)).toBe("complete");
  });
});

describe("fixes from review", () => {
  const SEED_STAGES = [
    { id: "foundation", startMonth: 0, endMonth: 3 },
    { id: "intermediate", startMonth: 3, endMonth: 6 },
    { id: "advanced", startMonth: 6, endMonth: 12 },
    { id: "professional", startMonth: 12, endMonth: null },
  ];
  const stageCounts = (done: number[]) =>
    Object.fromEntries(
      [6, 9, 7, 6].map((total, index) => [
        SEED_STAGES[index]!.id,
        { total, done: done[index] ?? 0, skipped: 0, inProgress: 0 },
      ]),
    );

  it("calls a learner exactly on plan at month six on track overall, not ahead", () => {
    const pace = computePace({
      start: "2026-01-01",
      stages: SEED_STAGES,
      counts: stageCounts([6, 9, 0, 0]),
      events: [],
      today: "2026-07-01",
      timeZone: "UTC",
    });
    expect(pace.overall.status).toBe("on_track");
  });

  it("calls the whole roadmap behind at month twelve with nothing done in Advanced", () => {
    const pace = computePace({
      start: "2026-01-01",
      stages: SEED_STAGES,
      counts: stageCounts([6, 9, 0, 0]),
      events: [],
      today: "2027-01-01",
      timeZone: "UTC",
    });
    expect(pace.stages[2]!.status).toBe("behind");
    expect(pace.overall.status).toBe("behind");
  });

  it("counts a milestone toggled done, reset and done again once in the recent rate", () => {
    const at = (day: string) => new Date(`${day}T12:00:00Z`);
    const events = [
      { milestoneId: "a", toStatus: "done" as const, at: at("2026-03-01") },
      { milestoneId: "a", toStatus: "not_started" as const, at: at("2026-03-02") },
      { milestoneId: "a", toStatus: "done" as const, at: at("2026-03-03") },
      { milestoneId: "b", toStatus: "done" as const, at: at("2026-03-03") },
      { milestoneId: "b", toStatus: "in_progress" as const, at: at("2026-03-04") },
    ];
    expect(recentRate(events, "2026-03-10", "UTC") * RECENT_RATE_DAYS).toBeCloseTo(1);
  });

  it("measures a new learner's rate over the days they have had, not a full 28", () => {
    const at = (day: string) => new Date(`${day}T12:00:00Z`);
    const events = ["a", "b", "c", "d", "e", "f"].map((milestoneId, index) => ({
      milestoneId,
      toStatus: "done" as const,
      at: at(`2026-03-0${index + 1}`),
    }));
    expect(recentRate(events, "2026-03-06", "UTC", "2026-03-01")).toBeCloseTo(1);
  });

  it("refuses a stage target before the day that stage is planned to start", () => {
    expect(
      stageTargetProblems({
        start: "2026-01-01",
        stages: SEED_STAGES,
        stageTargets: { advanced: "2026-05-01", foundation: "2026-02-01" },
      }),
    ).toEqual({ advanced: expect.stringContaining("2026-07-01") });
  });
});

describe("pace never contradicts itself (issue 17)", () => {
  /** The seeded roadmap's 6, 9, 7 and 6 milestones, with only Foundation touched. */
  const seedCounts = (foundation: PaceCounts) => ({
    foundation,
    intermediate: counts(9, 0),
    advanced: counts(7, 0),
    professional: counts(6, 0),
  });
  const finishedOn = (day: LocalDate, n: number, prefix = "m") =>
    Array.from({ length: n }, (_, index) => ({
      milestoneId: `${prefix}${index}`,
      toStatus: "done" as const,
      at: new Date(`${day}T12:00:00Z`),
    }));

  /** Three milestones finished on the first day, Dec 1, seen on `today`. */
  const afterFirstDay = (today: LocalDate) =>
    computePace({
      start: "2026-12-01",
      stages: STAGES,
      counts: seedCounts(counts(6, 3)),
      events: finishedOn("2026-12-01", 3),
      today,
      timeZone: "UTC",
    });

  it("doesn't project a two-year roadmap from one first day of work", () => {
    const pace = afterFirstDay("2026-12-01");
    expect(pace.overall).toMatchObject({ projection: "too_early", projectedFinish: null });
    expect(pace.stages.map((stage) => stage.projectedFinish)).toEqual([null, null, null, null]);
    expect(pace.needs).toEqual({ days: MIN_PROJECTION_DAYS - 1, milestones: 0 });
    expect(describeProjectionNeeds(pace.needs)).toBe("Keep going for 13 more days to see a projected finish.");
  });

  it("projects once two weeks and three milestones are in", () => {
    const pace = afterFirstDay("2026-12-14");
    expect(pace.needs).toEqual({ days: 0, milestones: 0 });
    // 3 in 14 days; 25 left: 117 days.
    expect(pace.overall).toMatchObject({ projection: "projected", projectedFinish: addDays("2026-12-14", 117) });
  });

  /** Foundation done, tracked since Dec 1, with the start moved back to Jul 1. */
  const movedBack = (events: ReturnType<typeof finishedOn>, today: LocalDate) =>
    computePace({
      start: "2026-07-01",
      trackedSince: "2026-12-01",
      stages: STAGES,
      counts: seedCounts(counts(6, 6)),
      events,
      today,
      timeZone: "UTC",
    });

  it("isn't behind while projecting a finish long before the target, with the start moved back", () => {
    const pace = movedBack([...finishedOn("2026-12-01", 4), ...finishedOn("2026-12-10", 6, "n")], "2026-12-14");
    expect(pace.overall.plannedEnd).toBe("2028-07-01");
    expect(pace.overall.projectedFinish! < "2027-07-01").toBe(true);
    expect(pace.overall.status).toBe("ahead");
  });

  it("counts evidence from the first tracked day, not from a start moved back", () => {
    const pace = movedBack(finishedOn("2026-12-01", 6), "2026-12-02");
    expect(pace.needs.days).toBe(12);
    expect(pace.overall).toMatchObject({ projection: "too_early", projectedFinish: null });
    // Without a projection, the status is expected against actual today: five months in, 6 of 28 done.
    expect(pace.overall.status).toBe("behind");
  });

  it("gives no date to a stage not started, even when the rest is projected", () => {
    const pace = computePace({
      start: "2026-01-01",
      stages: STAGES,
      counts: { ...seedCounts(counts(6, 4)), advanced: counts(7, 0, 0, 1) },
      events: finishedOn("2026-02-01", 4),
      today: "2026-02-10",
      timeZone: "UTC",
    });
    expect(pace.stages.map((stage) => stage.projection)).toEqual([
      "projected",
      "not_started",
      "projected",
      "not_started",
    ]);
    expect(pace.stages[1]!.projectedFinish).toBeNull();
    expect(pace.stages[3]!.projectedFinish).toBeNull();
  });

  it("says how many milestones and days are still needed", () => {
    expect(describeProjectionNeeds({ days: 5, milestones: 3 })).toBe(
      "Finish 3 more milestones and keep going for 5 more days to see a projected finish.",
    );
    expect(describeProjectionNeeds({ days: 1, milestones: 1 })).toBe(
      "Finish 1 more milestone and keep going for 1 more day to see a projected finish.",
    );
    expect(describeProjectionNeeds({ days: 0, milestones: 2 })).toBe(
      "Finish 2 more milestones to see a projected finish.",
    );
    expect(describeProjectionNeeds({ days: 0, milestones: 0 })).toBeNull();
  });

  it("never asks for more milestones than are left", () => {
    expect(projectionNeeds(20, 0, 2)).toEqual({ days: 0, milestones: 2 });
    expect(projectionNeeds(1, 0, 40)).toEqual({ days: MIN_PROJECTION_DAYS - 1, milestones: MIN_PROJECTION_MILESTONES });
  });

  it("reads the status from the projection: behind only after the planned end", () => {
    expect(projectedPaceStatus("2026-04-02", "2026-01-01", "2026-04-01")).toBe("behind");
    expect(projectedPaceStatus("2026-04-01", "2026-01-01", "2026-04-01")).toBe("on_track");
    // 10% of a 90-day window is 9 days.
    expect(projectedPaceStatus("2026-03-24", "2026-01-01", "2026-04-01")).toBe("on_track");
    expect(projectedPaceStatus("2026-03-23", "2026-01-01", "2026-04-01")).toBe("ahead");
  });
});
