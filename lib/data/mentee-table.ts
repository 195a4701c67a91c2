import { and, asc, desc, eq, ilike, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { getDb } from "../../db/client";
import { enrollments, mentorships, milestoneProgress, milestones, roadmaps, stages, users } from "../../db/schema";
import { localDate } from "../dates";
import { overallPaceStatus, type PaceStatus } from "../pace";
import { percentDone } from "../progress";
import type { Viewer } from "./viewer";

export const MENTEE_SORTS = ["name", "progress", "activity", "attention"] as const;
export type MenteeSort = (typeof MENTEE_SORTS)[number];
export const MENTEES_PAGE_SIZE = 50;
export const INACTIVE_AFTER_DAYS = 14;
export const STALLED_AFTER_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type MenteeTableQuery = {
  sort: MenteeSort;
  direction: "asc" | "desc";
  attentionOnly: boolean;
  search: string;
  page: number;
};

export type MenteeRow = {
  mentorshipId: string;
  learnerName: string;
  roadmapId: string | null;
  roadmapTitle: string | null;
  total: number;
  done: number;
  inProgress: number;
  skipped: number;
  percent: number;
  currentStage: string | null;
  lastActivityAt: Date | null;
  mentoredSince: Date;
  /** No status change for INACTIVE_AFTER_DAYS (counted from the mentorship's start if there was none). */
  inactive: boolean;
  /** A milestone has been in progress for more than STALLED_AFTER_DAYS. */
  stalled: boolean;
  /** Pace on the whole roadmap, in the mentee's own days; null before they start one. */
  pace: PaceStatus | null;
};

export type MenteeTable = { rows: MenteeRow[]; totalRows: number; page: number; pageCount: number };

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * The mentor's table of current mentees, one row per mentee and roadmap, sorted, filtered
 * and paged in one SQL query whatever the number of mentees; a second small one reads the
 * stage windows of the roadmaps on the page, for pace.
 */
export async function getMenteeTableForViewer({
  viewer,
  query,
  now = new Date(),
}: {
  viewer: Viewer;
  query: MenteeTableQuery;
  now?: Date;
}): Promise<MenteeTable> {
  const inactiveBefore = new Date(now.getTime() - INACTIVE_AFTER_DAYS * DAY_MS);
  const stalledBefore = new Date(now.getTime() - STALLED_AFTER_DAYS * DAY_MS);
  const db = getDb();

  const progress = db
    .select({
      done: sql<number>`count(*) filter (where ${milestoneProgress.status} = 'done')`.as("done"),
      inProgress: sql<number>`count(*) filter (where ${milestoneProgress.status} = 'in_progress')`.as("in_progress"),
      skipped: sql<number>`count(*) filter (where ${milestoneProgress.status} = 'skipped')`.as("skipped"),
      lastActivityAt: sql<Date | null>`max(${milestoneProgress.updatedAt})`.as("last_activity_at"),
      oldestInProgressAt:
        sql<Date | null>`min(${milestoneProgress.startedAt}) filter (where ${milestoneProgress.status} = 'in_progress')`.as(
          "oldest_in_progress_at",
        ),
    })
    .from(milestoneProgress)
    .innerJoin(milestones, eq(milestones.id, milestoneProgress.milestoneId))
    .where(
      and(
        eq(milestoneProgress.userId, mentorships.learnerId),
        eq(milestones.roadmapId, enrollments.roadmapId),
        isNull(milestones.archivedAt),
      ),
    )
    .as("progress");

  const totals = db
    .select({ total: sql<number>`count(*)`.as("total") })
    .from(milestones)
    .where(and(eq(milestones.roadmapId, enrollments.roadmapId), isNull(milestones.archivedAt)))
    .as("totals");

  const current = db
    .select({ stageTitle: sql<string>`${stages.title}`.as("stage_title") })
    .from(milestones)
    .innerJoin(stages, eq(stages.id, milestones.stageId))
    .leftJoin(
      milestoneProgress,
      and(eq(milestoneProgress.milestoneId, milestones.id), eq(milestoneProgress.userId, mentorships.learnerId)),
    )
    .where(
      and(
        eq(milestones.roadmapId, enrollments.roadmapId),
        isNull(milestones.archivedAt),
        sql`coalesce(${milestoneProgress.status}, 'not_started') not in ('done', 'skipped')`,
      ),
    )
    .orderBy(asc(stages.position), asc(milestones.position))
    .limit(1)
    .as("current");

  // Never the email: mentees share progress, not their address.
  const learnerName = sql<string>`coalesce(${users.name}, 'Unnamed learner')`;
  // ISO strings: the Postgres driver does not serialise a Date inside a raw SQL fragment.
  const inactive = sql<boolean>`coalesce(${progress.lastActivityAt}, ${mentorships.startedAt}) < ${inactiveBefore.toISOString()}::timestamptz`;
  const stalled = sql<boolean>`coalesce(${progress.oldestInProgressAt} < ${stalledBefore.toISOString()}::timestamptz, false)`;
  const needsAttention = sql<boolean>`(${inactive} or ${stalled})`;
  const share = sql`coalesce(${progress.done}, 0)::float / nullif(${totals.total}, 0)`;

  const direction = query.direction === "asc" ? asc : desc;
  const byName = asc(sql`lower(${learnerName})`);
  const orderings: Record<MenteeSort, SQL[]> = {
    name: [direction(sql`lower(${learnerName})`)],
    progress: [direction(sql`coalesce(${share}, 0)`), byName],
    activity: [
      query.direction === "asc"
        ? sql`${progress.lastActivityAt} asc nulls first`
        : sql`${progress.lastActivityAt} desc nulls last`,
      byName,
    ],
    attention: [direction(needsAttention), byName],
  };

  const search = query.search.trim();
  const page = Math.max(1, Math.floor(query.page));
  const rows = await db
    .select({
      mentorshipId: mentorships.id,
      learnerName,
      roadmapId: roadmaps.id,
      roadmapTitle: roadmaps.title,
      total: totals.total,
      done: progress.done,
      inProgress: progress.inProgress,
      skipped: progress.skipped,
      currentStage: current.stageTitle,
      lastActivityAt: progress.lastActivityAt,
      mentoredSince: mentorships.startedAt,
      enrolledAt: enrollments.startedAt,
      plannedStart: enrollments.plannedStart,
      targetDate: enrollments.targetDate,
      timeZone: users.timeZone,
      inactive,
      stalled,
      totalRows: sql<number>`count(*) over ()`,
    })
    .from(mentorships)
    .innerJoin(users, eq(users.id, mentorships.learnerId))
    .leftJoin(enrollments, eq(enrollments.userId, mentorships.learnerId))
    .leftJoin(roadmaps, eq(roadmaps.id, enrollments.roadmapId))
    .leftJoinLateral(progress, sql`true`)
    .leftJoinLateral(totals, sql`true`)
    .leftJoinLateral(current, sql`true`)
    .where(
      and(
        eq(mentorships.mentorId, viewer.id),
        isNull(mentorships.endedAt),
        search ? ilike(users.name, `%${escapeLike(search)}%`) : undefined,
        query.attentionOnly ? needsAttention : undefined,
      ),
    )
    // Unique last keys (mentorship, then roadmap) keep pages from skipping or repeating rows.
    .orderBy(...orderings[query.sort], asc(mentorships.id), sql`${enrollments.roadmapId} asc nulls last`)
    .limit(MENTEES_PAGE_SIZE)
    .offset((page - 1) * MENTEES_PAGE_SIZE);

  const totalRows = Number(rows[0]?.totalRows ?? 0);
  // The second (and last) query: the stage windows of the roadmaps on this page, for pace.
  const roadmapIds = [...new Set(rows.flatMap((row) => (row.roadmapId ? [row.roadmapId] : [])))];
  const stageRows =
    roadmapIds.length === 0
      ? []
      : await db
          .select({
            roadmapId: stages.roadmapId,
            id: stages.id,
            startMonth: stages.startMonth,
            endMonth: stages.endMonth,
            total: sql<number>`count(${milestones.id})::int`,
          })
          .from(stages)
          .leftJoin(milestones, and(eq(milestones.stageId, stages.id), isNull(milestones.archivedAt)))
          .where(and(inArray(stages.roadmapId, roadmapIds), isNull(stages.archivedAt)))
          .groupBy(stages.id)
          .orderBy(asc(stages.position));

  return {
    page,
    totalRows,
    pageCount: Math.max(1, Math.ceil(totalRows / MENTEES_PAGE_SIZE)),
    rows: rows.map(({ totalRows: _totalRows, enrolledAt, plannedStart, targetDate, timeZone, ...row }) => {
      const total = Number(row.total ?? 0);
      const done = Number(row.done ?? 0);
      const inProgress = Number(row.inProgress ?? 0);
      const skipped = Number(row.skipped ?? 0);
      const pace =
        row.roadmapId && enrolledAt
          ? overallPaceStatus({
              start: plannedStart ?? localDate(new Date(enrolledAt), timeZone),
              stages: stageRows.filter((stage) => stage.roadmapId === row.roadmapId),
              roadmapTarget: targetDate,
              counts: { total, done, skipped, inProgress },
              today: localDate(now, timeZone),
            })
          : null;
      return {
        ...row,
        total,
        done,
        inProgress,
        skipped,
        pace,
        percent: percentDone(done, total),
        lastActivityAt: row.lastActivityAt ? new Date(row.lastActivityAt) : null,
        currentStage: row.roadmapTitle ? (row.currentStage ?? null) : null,
        inactive: Boolean(row.inactive),
        stalled: Boolean(row.stalled),
      };
    }),
  };
}
