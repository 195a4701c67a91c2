import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, localDate } from "@/lib/domain/dates";
import {
  computePace,
  describeProjectionNeeds,
  MIN_PROJECTION_DAYS,
  MIN_PROJECTION_MILESTONES,
  overallPaceStatus,
  projectFinish,
  recentWork,
  type PaceCounts,
  type StagePace,
} from "@/lib/domain/pace";
import type { MilestoneStatus } from "@/lib/domain/progress-math";

const STAGES = [
  { id: "foundation", startMonth: 0, endMonth: 3 },
  { id: "intermediate", startMonth: 3, endMonth: 6 },
  { id: "advanced", startMonth: 6, endMonth: 12 },
  { id: "professional", startMonth: 12, endMonth: null },
];
const BASE = "2026-01-01";

/** A stage's counts; one in three untouched, since those are the ones that must never get a date. */
const stageCounts: fc.Arbitrary<PaceCounts> = fc.oneof(
  fc.tuple(fc.nat(12), fc.nat(12), fc.nat(12), fc.nat(12)).map(([done, skipped, inProgress, notStarted]) => ({
    total: done + skipped + inProgress + notStarted,
    done,
    skipped,
    inProgress,
  })),
  fc.integer({ min: 1, max: 12 }).map((total) => ({ total, done: 0, skipped: 0, inProgress: 0 })),
);

const statuses: MilestoneStatus[] = ["done", "skipped", "in_progress", "not_started"];

/** A learner's situation: their plan, progress and recent events, on any day around their start. */
const situation = fc
  .record({
    startOffset: fc.integer({ min: -60, max: 60 }),
    trackedAfterStart: fc.integer({ min: 0, max: 200 }),
    todayOffset: fc.integer({ min: -30, max: 1000 }),
    targetDays: fc.option(fc.integer({ min: 30, max: 1500 }), { nil: null }),
    counts: fc.tuple(stageCounts, stageCounts, stageCounts, stageCounts),
    events: fc.array(
      fc.record({
        milestone: fc.nat(30),
        toStatus: fc.constantFrom(...statuses),
        daysAgo: fc.integer({ min: -2, max: 40 }),
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ startOffset, trackedAfterStart, todayOffset, targetDays, counts, events }) => {
    const start = addDays(BASE, startOffset);
    const today = addDays(BASE, todayOffset);
    return {
      start,
      trackedSince: addDays(start, trackedAfterStart),
      today,
      timeZone: "UTC",
      stages: STAGES,
      roadmapTarget: targetDays === null ? null : addDays(start, targetDays),
      counts: Object.fromEntries(STAGES.map((stage, index) => [stage.id, counts[index]!])),
      events: events.map((event) => ({
        milestoneId: `m${event.milestone}`,
        toStatus: event.toStatus,
        at: new Date(`${addDays(today, -event.daysAgo)}T12:00:00Z`),
      })),
    };
  });

const rowsOf = (pace: ReturnType<typeof computePace>): StagePace[] => [...pace.stages, pace.overall];

describe("pace properties", () => {
  it("has a projected date exactly when the projection says so", () => {
    fc.assert(
      fc.property(situation, (input) => {
        for (const row of rowsOf(computePace(input))) {
          expect(row.projectedFinish !== null).toBe(row.projection === "projected");
        }
      }),
    );
  });

  it("calls a row behind exactly when its projection lands after the planned end", () => {
    fc.assert(
      fc.property(situation, (input) => {
        for (const row of rowsOf(computePace(input))) {
          if (row.projectedFinish === null) continue;
          expect(row.status === "behind").toBe(row.projectedFinish > row.plannedEnd);
          if (row.status === "ahead") expect(row.projectedFinish < row.plannedEnd).toBe(true);
          expect(["behind", "on_track", "ahead"]).toContain(row.status);
        }
      }),
    );
  });

  it("never projects below the evidence threshold, and always says what is missing", () => {
    fc.assert(
      fc.property(situation, (input) => {
        const pace = computePace(input);
        const since = input.trackedSince > input.start ? input.trackedSince : input.start;
        const work = recentWork(input.events, input.today, input.timeZone, since);
        const tooEarly =
          daysBetween(since, input.today) + 1 < MIN_PROJECTION_DAYS || work.finished < MIN_PROJECTION_MILESTONES;
        if (tooEarly) {
          for (const row of rowsOf(pace)) expect(row.projectedFinish).toBeNull();
          if (pace.overall.projection !== "finished") {
            expect(pace.overall.projection).toBe("too_early");
            expect(describeProjectionNeeds(pace.needs)).toMatch(/^(Finish|Keep going).* to see a projected finish\.$/);
          }
        } else {
          expect(describeProjectionNeeds(pace.needs)).toBeNull();
        }
      }),
    );
  });

  it("never dates a stage that hasn't been started", () => {
    fc.assert(
      fc.property(situation, (input) => {
        const pace = computePace(input);
        pace.stages.forEach((row, index) => {
          const counts = input.counts[STAGES[index]!.id]!;
          if (counts.total > 0 && counts.done + counts.skipped + counts.inProgress === 0) {
            expect(row.projection).toBe("not_started");
            expect(row.projectedFinish).toBeNull();
          }
        });
      }),
    );
  });

  it("never projects a finish on or before today, the start, or the first tracked day", () => {
    fc.assert(
      fc.property(situation, (input) => {
        for (const row of rowsOf(computePace(input))) {
          if (row.projectedFinish === null) continue;
          expect(row.projectedFinish > input.today).toBe(true);
          expect(row.projectedFinish > input.start).toBe(true);
          expect(row.projectedFinish > input.trackedSince).toBe(true);
        }
      }),
    );
  });

  it("projects later stages no earlier than earlier ones, and the whole roadmap last", () => {
    fc.assert(
      fc.property(situation, (input) => {
        const pace = computePace(input);
        const dates = pace.stages.flatMap((row) => (row.projectedFinish ? [row.projectedFinish] : []));
        expect(dates).toEqual([...dates].sort());
        if (pace.overall.projectedFinish) {
          for (const date of dates) expect(date <= pace.overall.projectedFinish).toBe(true);
        }
      }),
    );
  });

  it("never calls a finished row behind, nor gives it a date", () => {
    fc.assert(
      fc.property(situation, (input) => {
        for (const row of rowsOf(computePace(input))) {
          if (row.projection === "finished") {
            expect(row.status).toBe("complete");
            expect(row.projectedFinish).toBeNull();
          }
        }
      }),
    );
  });

  it("projects later with more left and earlier with a faster rate", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        (remaining, more, rate, speedUp) => {
          const today = "2026-06-01";
          expect(projectFinish(remaining + more, rate, today)! >= projectFinish(remaining, rate, today)!).toBe(true);
          expect(projectFinish(remaining, rate * speedUp, today)! <= projectFinish(remaining, rate, today)!).toBe(true);
        },
      ),
    );
  });

  it("gives the mentor's table the whole-roadmap status the learner sees", () => {
    fc.assert(
      fc.property(situation, (input) => {
        // What the table reads instead of events: for each milestone now done or skipped, its last change.
        const past = input.events.filter((event) => localDate(event.at, input.timeZone) <= input.today);
        const last = new Map(
          [...past].sort((a, b) => a.at.getTime() - b.at.getTime()).map((event) => [event.milestoneId, event]),
        );
        const recentlyFinishedAt = [...last.values()]
          .filter((event) => event.toStatus === "done" || event.toStatus === "skipped")
          .map((event) => event.at);
        const counts = Object.values(input.counts);
        const status = overallPaceStatus({
          ...input,
          stages: STAGES.map((stage) => ({ ...stage, total: input.counts[stage.id]!.total })),
          counts: {
            total: counts.reduce((sum, c) => sum + c.total, 0),
            done: counts.reduce((sum, c) => sum + c.done, 0),
            skipped: counts.reduce((sum, c) => sum + c.skipped, 0),
            inProgress: counts.reduce((sum, c) => sum + c.inProgress, 0),
          },
          recentlyFinishedAt,
        });
        expect(status).toBe(computePace({ ...input, events: past }).overall.status);
      }),
    );
  });
});
