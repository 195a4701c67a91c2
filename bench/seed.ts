import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { refreshRoadmapProgressSummaries } from "../db/progress-summaries";
import { enrollments, milestoneProgress, milestones, mentorships, progressEvents, roadmaps, users } from "../db/schema";
import { ROADMAP_LIMITS, roadmapContentSchema } from "../db/content/content-schema";
import { recordVersion, writePublishedContent } from "../db/content/sync";
import { hashPassword } from "../lib/server/passwords";
import { planLearner, randomSource } from "./seed-plan";

export const BENCH_PASSWORD = "bench: a long and unusual passphrase";
export const ROADMAP_SLUG = "backend-developer";
/** An authored, public roadmap at the size limit: 20 stages of 15 milestones. */
export const BIG_ROADMAP_SLUG = "bench-big-roadmap-000000000000";

export type SeedOptions = {
  learners: number;
  mentees: number;
  /** Accounts with no progress, one per load connection, whose status changes are counted afterwards. */
  writers: number;
  onProgress?: (done: number, total: number) => void;
};

export type SeededAccounts = {
  learnerEmail: (index: number) => string;
  writerEmail: (index: number) => string;
  writerIds: string[];
  mentorEmail: string;
  events: number;
};

const CHUNK = 1_000;

export const learnerId = (index: number) => `bench-learner-${index}`;
const writerId = (index: number) => `bench-writer-${index}`;
const learnerEmail = (index: number) => `learner-${index}@bench.waymark.test`;
const writerEmail = (index: number) => `writer-${index}@bench.waymark.test`;
const MENTOR_ID = "bench-mentor";
const MENTOR_EMAIL = "mentor@bench.waymark.test";

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await insert(rows.slice(start, start + CHUNK));
}

/**
 * Fills a freshly prepared database: learners with varied progress and history, one mentor
 * of `mentees` of them, and idle writer accounts. Multi-row inserts, a thousand rows at a time.
 */
export async function seedBenchData(db: Database, options: SeedOptions): Promise<SeededAccounts> {
  const [roadmap] = await db.select({ id: roadmaps.id }).from(roadmaps).where(eq(roadmaps.slug, ROADMAP_SLUG));
  if (!roadmap) throw new Error(`The ${ROADMAP_SLUG} roadmap is missing: prepare the database first.`);
  const milestoneIds = (
    await db
      .select({ id: milestones.id })
      .from(milestones)
      .where(eq(milestones.roadmapId, roadmap.id))
      .orderBy(asc(milestones.position))
  ).map((row) => row.id);

  // One hash for every bench account: hashing ten thousand passwords would measure argon2, not the app.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const now = new Date();
  const random = randomSource(20261121);
  const batch = 2_000;
  let events = 0;

  await insertInChunks(
    [
      { id: MENTOR_ID, name: "Bench Mentor", email: MENTOR_EMAIL, passwordHash },
      ...Array.from({ length: options.writers }, (_, index) => ({
        id: writerId(index),
        name: `Writer ${index}`,
        email: writerEmail(index),
        passwordHash,
      })),
    ],
    (chunk) => db.insert(users).values(chunk),
  );

  for (let first = 0; first < options.learners; first += batch) {
    const indexes = Array.from({ length: Math.min(batch, options.learners - first) }, (_, offset) => first + offset);
    const plans = indexes.map((index) => ({ index, plan: planLearner(random, milestoneIds, now) }));
    await insertInChunks(
      plans.map(({ index }) => ({
        id: learnerId(index),
        name: `Learner ${index}`,
        email: learnerEmail(index),
        passwordHash,
      })),
      (chunk) => db.insert(users).values(chunk),
    );
    await insertInChunks(
      plans.flatMap(({ index, plan }) =>
        plan.startedAt ? [{ userId: learnerId(index), roadmapId: roadmap.id, startedAt: plan.startedAt }] : [],
      ),
      (chunk) => db.insert(enrollments).values(chunk),
    );
    await insertInChunks(
      plans.flatMap(({ index, plan }) =>
        plan.progress.map((row) => ({ userId: learnerId(index), ...row, updatedAt: row.completedAt ?? now })),
      ),
      (chunk) => db.insert(milestoneProgress).values(chunk),
    );
    const eventRows = plans.flatMap(({ index, plan }) =>
      plan.events.map(({ milestoneId, from, to, at }) => ({
        userId: learnerId(index),
        actorId: learnerId(index),
        milestoneId,
        fromStatus: from,
        toStatus: to,
        createdAt: at,
      })),
    );
    events += eventRows.length;
    await insertInChunks(eventRows, (chunk) => db.insert(progressEvents).values(chunk));
    options.onProgress?.(indexes.at(-1)! + 1, options.learners);
  }

  await insertInChunks(
    Array.from({ length: Math.min(options.mentees, options.learners) }, (_, index) => ({
      mentorId: MENTOR_ID,
      learnerId: learnerId(index),
    })),
    (chunk) => db.insert(mentorships).values(chunk),
  );

  // Rows went in behind the app's back: rebuild what it keeps up to date, and gather the
  // planner statistics autovacuum would gather after a bulk load.
  await refreshRoadmapProgressSummaries(db, roadmap.id);
  await db.execute(sql`analyze`);

  return {
    learnerEmail,
    writerEmail,
    writerIds: Array.from({ length: options.writers }, (_, index) => writerId(index)),
    mentorEmail: MENTOR_EMAIL,
    events,
  };
}

/**
 * The largest roadmap an author may publish (ROADMAP_LIMITS), owned by the bench mentor and
 * public, published through the same writer an author's publish uses.
 */
export async function seedBigRoadmap(db: Database): Promise<void> {
  const stageCount = ROADMAP_LIMITS.stages;
  const perStage = ROADMAP_LIMITS.milestones / stageCount;
  const content = roadmapContentSchema.parse({
    slug: BIG_ROADMAP_SLUG,
    title: "Bench: the largest roadmap",
    summary: "Twenty stages of fifteen milestones, the most a roadmap may hold.",
    stages: Array.from({ length: stageCount }, (_, stage) => ({
      slug: `stage-${stage}`,
      title: `Stage ${stage + 1}`,
      milestones: Array.from({ length: perStage }, (_, index) => ({
        slug: `milestone-${stage}-${index}`,
        title: `Milestone ${index + 1} of stage ${stage + 1}`,
        description: "A **Markdown** description of what to learn, as long as an author might write it. ".repeat(6),
        resources: [
          { title: "The official documentation", kind: "docs", free: true, url: "https://example.com/docs" },
          { title: "A course", kind: "course", free: false, provider: "Somewhere" },
        ],
        doneWhen: ["You can explain it", "You have built something with it"],
        practice: "Build a small project that uses it.",
      })),
    })),
  });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(roadmaps)
      .values({
        slug: content.slug,
        title: content.title,
        summary: content.summary,
        salaryGuides: [],
        salaryCaveat: "",
        ownerId: MENTOR_ID,
        visibility: "public",
      })
      .returning();
    await writePublishedContent(tx, row!, content);
    await recordVersion(tx, row!.id, content, MENTOR_ID);
  });
}
