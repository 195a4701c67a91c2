import { eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { RoadmapContent } from "@/db/content/content-schema";
import { syncRoadmapContent } from "@/db/content/sync";
import {
  enrollments,
  learnerProgressSummaries,
  milestoneProgress,
  milestones,
  progressEvents,
  roadmaps,
  stages,
} from "@/db/schema";
import { importLearnerData } from "@/lib/data/import";
import { newestEventsFirst, undoLastChange } from "@/lib/data/insight";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import type { Viewer } from "@/lib/data/viewer";
import { AppError } from "@/lib/domain/errors";
import { EXPORT_FORMAT, EXPORT_VERSION } from "@/lib/domain/export-format";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/progress-math";
import { createLearner } from "./helpers";

/*
 * Random sequences of everything that changes a summary (status changes, undos, imports and
 * content syncs) for a few new learners on a roadmap of its own; afterwards every summary row of
 * those learners must equal what the progress rows and the content give, counted here.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
// A failing run prints its seed: FUZZ_SEED=<seed> replays it.
if (process.env.FUZZ_SEED) fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) });
// A run is up to sixteen writes and syncs; CI runs both drivers at once on a loaded machine.
const sequenceTimeout = { timeout: Math.max(60_000, RUNS * 4_000) };
const LEARNERS = 3;
const STAGES = ["first", "second", "third"];
/** Milestones the content may list; the last two start unlisted, for syncs to add. */
const POOL = Array.from({ length: 8 }, (_, n) => `topic-${n}`);
const INITIAL_LAYOUT = [POOL.slice(0, 3), POOL.slice(3, 5), POOL.slice(5, 6)];

const learnerIndex = fc.nat(LEARNERS - 1);
const poolIndex = fc.nat(POOL.length - 1);
const status = fc.constantFrom(...MILESTONE_STATUSES);
const instant = fc
  .integer({ min: Date.parse("2025-01-01T00:00:00Z"), max: Date.parse("2025-12-31T00:00:00Z") })
  .map((ms) => new Date(ms).toISOString());

const step = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant("status" as const), learner: learnerIndex, milestone: poolIndex, status }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("undo" as const), learner: learnerIndex }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("import" as const),
      learner: learnerIndex,
      startedAt: fc.option(instant),
      milestones: fc.array(fc.record({ milestone: poolIndex, status, startedAt: fc.option(instant) }), {
        maxLength: 6,
      }),
      history: fc.array(fc.record({ milestone: poolIndex, from: status, to: status, at: instant }), { maxLength: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("sync" as const),
      change: fc.constantFrom("add", "retire", "move"),
      milestone: poolIndex,
      stage: fc.nat(STAGES.length - 1),
      place: fc.nat(4),
    }),
  },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function contentOf(slug: string, layout: string[][]): RoadmapContent {
  return {
    slug,
    title: "Summary sequence roadmap",
    summary: "Used to test the progress summaries against random sequences.",
    salaryCaveat: "Estimates only.",
    salaryGuides: [],
    stages: STAGES.map((stage, index) => ({
      slug: stage,
      title: `Stage ${stage}`,
      startMonth: index * 3,
      endMonth: index * 3 + 3,
      summary: `The ${stage} stage.`,
      milestones: layout[index]!.map((milestone) => ({
        slug: milestone,
        title: `Learn ${milestone}`,
        description: "About it.",
        whyItMatters: "Because.",
        skills: ["Thinking"],
        tools: [],
        resources: [],
        doneWhen: [],
        practice: "",
      })),
    })),
  };
}

/** The layout after a content change; the same layout when the change can't apply (a stage keeps one milestone). */
function changedLayout(layout: string[][], change: Extract<Step, { kind: "sync" }>): string[][] {
  const slug = POOL[change.milestone]!;
  const from = layout.findIndex((listed) => listed.includes(slug));
  const next = layout.map((listed) => listed.filter((milestone) => milestone !== slug));
  if (from >= 0 && next[from]!.length === 0) return layout;
  if (change.change === "retire") return next;
  if (change.change === "add" && from >= 0) return layout;
  if (change.change === "move" && from < 0) return layout;
  next[change.stage]!.splice(change.place, 0, slug);
  return next;
}

function exportFileOf(roadmapSlug: string, entry: Extract<Step, { kind: "import" }>) {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    account: { name: "Someone", email: "someone@example.test", timeZone: "UTC" },
    roadmaps: [
      {
        slug: roadmapSlug,
        title: "Summary sequence roadmap",
        startedAt: entry.startedAt,
        plannedStart: null,
        targetDate: null,
        stages: [],
        stageTargets: [],
        milestones: entry.milestones.map(({ milestone, status, startedAt }) => ({
          slug: POOL[milestone]!,
          title: `Learn ${POOL[milestone]}`,
          stage: STAGES[0]!,
          archived: false,
          status,
          startedAt,
          completedAt: null,
          note: null,
          evidence: [],
        })),
        history: entry.history.map(({ milestone, ...change }) => ({ milestone: POOL[milestone]!, ...change })),
      },
    ],
    feedback: [],
  };
}

/** A refusal the app gives on purpose (a retired milestone nobody had started) is part of the sequence. */
async function allowingRefusal(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "NOT_FOUND") throw error;
  }
}

async function milestoneIdsBySlug(roadmapId: string): Promise<Map<string, string>> {
  const rows = await getDb()
    .select({ id: milestones.id, slug: milestones.slug })
    .from(milestones)
    .where(eq(milestones.roadmapId, roadmapId));
  return new Map(rows.map((row) => [row.slug, row.id]));
}

async function runStep(
  current: { slug: string; roadmapId: string; layout: string[][] },
  learners: Viewer[],
  next: Step,
): Promise<void> {
  if (next.kind === "sync") {
    current.layout = changedLayout(current.layout, next);
    await syncRoadmapContent(getDb(), contentOf(current.slug, current.layout));
    return;
  }
  const viewer = learners[next.learner]!;
  if (next.kind === "import") {
    await importLearnerData({ viewer, data: exportFileOf(current.slug, next) });
  } else if (next.kind === "undo") {
    const [latest] = await getDb()
      .select({ id: progressEvents.id })
      .from(progressEvents)
      .where(eq(progressEvents.userId, viewer.id))
      .orderBy(...newestEventsFirst)
      .limit(1);
    if (latest) await allowingRefusal(() => undoLastChange({ viewer, eventId: latest.id }));
  } else {
    const milestoneId = (await milestoneIdsBySlug(current.roadmapId)).get(POOL[next.milestone]!);
    if (milestoneId) await allowingRefusal(() => setMilestoneStatus({ viewer, milestoneId, status: next.status }));
  }
}

type Summary = {
  userId: string;
  roadmapId: string;
  total: number;
  done: number;
  inProgress: number;
  skipped: number;
  lastActivityAt: Date | null;
  oldestInProgressAt: Date | null;
  currentStageId: string | null;
};

const keyOf = (row: { userId: string; roadmapId: string }) => `${row.userId} ${row.roadmapId}`;
const earliest = (dates: (Date | null)[]) =>
  dates.reduce<Date | null>((min, date) => (date && (!min || date < min) ? date : min), null);
const latest = (dates: (Date | null)[]) =>
  dates.reduce<Date | null>((max, date) => (date && (!max || date > max) ? date : max), null);

/** Every summary the learners should have, counted from their progress rows and the current content. */
async function recomputedSummaries(learnerIds: string[]): Promise<Summary[]> {
  const db = getDb();
  const [followed, progressRows, milestoneRows, stageRows] = await Promise.all([
    db.select().from(enrollments).where(inArray(enrollments.userId, learnerIds)),
    db.select().from(milestoneProgress).where(inArray(milestoneProgress.userId, learnerIds)),
    db.select().from(milestones),
    db.select({ id: stages.id, position: stages.position }).from(stages),
  ]);
  const stagePosition = new Map(stageRows.map((row) => [row.id, row.position]));
  return followed.map(({ userId, roadmapId }) => {
    const current = milestoneRows
      .filter((row) => row.roadmapId === roadmapId && row.archivedAt === null)
      .sort((a, b) => stagePosition.get(a.stageId)! - stagePosition.get(b.stageId)! || a.position - b.position);
    const statusOf = new Map(
      progressRows.filter((row) => row.userId === userId).map((row) => [row.milestoneId, row] as const),
    );
    const own = current.flatMap((milestone) => statusOf.get(milestone.id) ?? []);
    const counted = (wanted: MilestoneStatus) => own.filter((row) => row.status === wanted).length;
    const unfinished = current.find((milestone) => {
      const status = statusOf.get(milestone.id)?.status ?? "not_started";
      return status !== "done" && status !== "skipped";
    });
    return {
      userId,
      roadmapId,
      total: current.length,
      done: counted("done"),
      inProgress: counted("in_progress"),
      skipped: counted("skipped"),
      lastActivityAt: latest(own.map((row) => row.updatedAt)),
      oldestInProgressAt: earliest(own.filter((row) => row.status === "in_progress").map((row) => row.startedAt)),
      currentStageId: unfinished?.stageId ?? null,
    };
  });
}

const byKey = (rows: Summary[]) => [...rows].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));

describe("the progress summaries, after random sequences of every kind of write", sequenceTimeout, () => {
  const tried = { runs: 0, status: 0, undo: 0, import: 0, sync: 0 };
  afterAll(() => {
    const steps = tried.status + tried.undo + tried.import + tried.sync;
    console.log(
      `Summary sequences run: ${tried.runs}, ${steps} steps (status ${tried.status}, undo ${tried.undo}, import ${tried.import}, sync ${tried.sync})`,
    );
  });

  it("equal a recount from the progress rows and the content", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 16 }), async (steps) => {
        const slug = `summary-sequence-${crypto.randomUUID().slice(0, 8)}`;
        const layout = INITIAL_LAYOUT.map((listed) => [...listed]);
        await syncRoadmapContent(getDb(), contentOf(slug, layout));
        const [roadmap] = await getDb().select({ id: roadmaps.id }).from(roadmaps).where(eq(roadmaps.slug, slug));
        const current = { slug, roadmapId: roadmap!.id, layout };
        // Learners of their own, so no run depends on an earlier one (an undo takes the latest change anywhere).
        const learners = await Promise.all(Array.from({ length: LEARNERS }, () => createLearner()));
        tried.runs += 1;
        for (const next of steps) {
          tried[next.kind] += 1;
          await runStep(current, learners, next);
        }
        const learnerIds = learners.map((learner) => learner.id);
        const kept = await getDb()
          .select()
          .from(learnerProgressSummaries)
          .where(inArray(learnerProgressSummaries.userId, learnerIds));
        expect(byKey(kept)).toEqual(byKey(await recomputedSummaries(learnerIds)));
      }),
      { numRuns: RUNS },
    );
  });
});
