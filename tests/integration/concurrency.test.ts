import { asc, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { learnerProgressSummaries, milestoneProgress, progressEvents } from "@/db/schema";
import { setMilestoneStatus, type StatusChange } from "@/lib/data/milestone-status";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/progress-math";
import { backendMilestones, createLearner } from "./helpers";

const LEARNERS = 50;
const TABS = 2;
const CHANGES_PER_TAB = 6;

/** A tab's changes: the same three milestones as the learner's other tab, in its own order. */
function tabChanges(milestoneIds: string[], tab: number, learner: number) {
  return Array.from({ length: CHANGES_PER_TAB }, (_, step) => ({
    milestoneId: milestoneIds[(step + tab + learner) % milestoneIds.length]!,
    status: MILESTONE_STATUSES[(step * (tab + 1) + learner) % MILESTONE_STATUSES.length]!,
  }));
}

describe("many learners, each in two tabs, changing the same milestones at once", () => {
  it("loses no event, duplicates no row, and ends each milestone on its last event", { timeout: 120_000 }, async () => {
    const milestoneIds = (await backendMilestones()).slice(0, 3).map((milestone) => milestone.id);
    const learners = await Promise.all(Array.from({ length: LEARNERS }, (_, i) => createLearner(`Busy ${i}`)));

    // Every tab of every learner sends its changes one after another, all tabs at once.
    const acknowledged = await Promise.all(
      learners.flatMap((viewer, learner) =>
        Array.from({ length: TABS }, async (_, tab) => {
          const results: StatusChange[] = [];
          for (const change of tabChanges(milestoneIds, tab, learner)) {
            results.push(await setMilestoneStatus({ viewer, ...change }));
          }
          return { viewer, results };
        }),
      ),
    );

    const ids = learners.map((learner) => learner.id);
    const rows = await getDb().select().from(milestoneProgress).where(inArray(milestoneProgress.userId, ids));
    const events = await getDb()
      .select()
      .from(progressEvents)
      .where(inArray(progressEvents.userId, ids))
      .orderBy(asc(progressEvents.createdAt), asc(progressEvents.id));
    const changed = acknowledged.flatMap(({ viewer, results }) =>
      results.filter((result) => result.changed).map((result) => ({ ...result, userId: viewer.id })),
    );
    expect(events).toHaveLength(changed.length);

    const keys = rows.map((row) => `${row.userId}:${row.milestoneId}`);
    expect(new Set(keys).size).toBe(keys.length);

    for (const row of rows) {
      const chain = events.filter((event) => event.userId === row.userId && event.milestoneId === row.milestoneId);
      let previous: MilestoneStatus = "not_started";
      for (const event of chain) {
        expect(event.fromStatus).toBe(previous);
        previous = event.toStatus;
      }
      expect(row.status).toBe(previous);
    }

    const summaries = await getDb()
      .select()
      .from(learnerProgressSummaries)
      .where(inArray(learnerProgressSummaries.userId, ids));
    for (const summary of summaries) {
      const own = rows.filter((row) => row.userId === summary.userId);
      expect(summary.done).toBe(own.filter((row) => row.status === "done").length);
      expect(summary.inProgress).toBe(own.filter((row) => row.status === "in_progress").length);
    }
    expect(summaries).toHaveLength(LEARNERS);
  });
});
