import "server-only";
import { and, asc, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "../../db/client";
import {
  enrollments,
  learnerProgressSummaries,
  milestoneProgress,
  milestones,
  mentorships,
  roadmaps,
  stages,
  users,
} from "../../db/schema";
import { localDate } from "../domain/dates";
import { overallPaceStatus, RECENT_RATE_DAYS, type PaceStatus } from "../domain/pace";
import { percentDone } from "../domain/progress-math";
import { isCurrentMentorship } from "./access";
import { containsPattern } from "./like-pattern";
import { listOpenInvitesForViewer, openInvitesJson, type OpenInvite } from "./mentorships";
import { loadRoadmapContent } from "./roadmaps";
import {
  INACTIVE_AFTER_DAYS,
  menteeAttention,
  onlyNeedingAttention,
  sortByAttention,
  STALLED_AFTER_DAYS,
  type MenteeAttention,
} from "../domain/mentee-attention";
import type { MenteeSort, MenteeTableQuery } from "../domain/mentee-table-query";
import type { Viewer } from "./viewer";

export const MENTEES_PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

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
  /** No status change for INACTIVE_AFTER_DAYS, counted from the mentorship's start if it is later. */
  inactive: boolean;
  /** A milestone has been in progress for more than STALLED_AFTER_DAYS. */
  stalled: boolean;
  /** Pace on the whole roadmap, in the mentee's own days; null before they start one. */
  pace: PaceStatus | null;
  attention: MenteeAttention;
};

export type MenteeTable = { rows: MenteeRow[]; totalRows: number; page: number; pageCount: number };

/**
 * The mentor's page: their table of current mentees, one row per mentee and roadmap, over the
 * kept-up-to-date progress summaries, and their open invite links, in one SQL statement (two
 * when the mentor has no mentee the search finds). Pace takes the stage windows from the
 * roadmap content this process keeps, and whether a mentee needs attention depends on pace,
 * so the attention filter, the attention sort and the page cut happen here, after the rule in
 * lib/domain/mentee-attention.ts has been applied to every row: the column, the filter and the
 * sort cannot disagree. SQL still searches and sorts by name, progress and activity.
 */
export async function getMenteesPageForViewer({
  viewer,
  query,
  now = new Date(),
}: {
  viewer: Viewer;
  query: MenteeTableQuery;
  now?: Date;
}): Promise<{ table: MenteeTable; invites: OpenInvite[] }> {
  const inactiveBefore = new Date(now.getTime() - INACTIVE_AFTER_DAYS * DAY_MS);
  const stalledBefore = new Date(now.getTime() - STALLED_AFTER_DAYS * DAY_MS);
  const db = getDb();

  const summary = learnerProgressSummaries;
  const currentStage = alias(stages, "current_stage");

  // Never the email: mentees share progress, not their address.
  const learnerName = sql<string>`coalesce(${users.name}, 'Unnamed learner')`;
  // ISO strings: the Postgres driver does not serialise a Date inside a raw SQL fragment.
  // Activity from before the mentorship does not count against it: greatest() skips a null.
  const inactive = sql<boolean>`greatest(${summary.lastActivityAt}, ${mentorships.startedAt}) < ${inactiveBefore.toISOString()}::timestamptz`;
  const stalled = sql<boolean>`coalesce(${summary.oldestInProgressAt} < ${stalledBefore.toISOString()}::timestamptz, false)`;
  const share = sql`coalesce(${summary.done}, 0)::float / nullif(${summary.total}, 0)`;
  // Pace's recent rate counts the learner's own days, which SQL does not know: a day more than
  // the window covers every time zone, and pace keeps the times that fall in it.
  const recentSince = new Date(now.getTime() - (RECENT_RATE_DAYS + 1) * DAY_MS);
  const recentlyFinishedAt = sql<string[] | null>`(
    select json_agg(${milestoneProgress.updatedAt}) from ${milestoneProgress}
    join ${milestones} on ${milestones.id} = ${milestoneProgress.milestoneId}
    where ${milestoneProgress.userId} = ${mentorships.learnerId}
      and ${milestones.roadmapId} = ${enrollments.roadmapId}
      and ${milestones.archivedAt} is null
      and ${milestoneProgress.status} in ('done', 'skipped')
      and ${milestoneProgress.updatedAt} >= ${recentSince.toISOString()}::timestamptz)`;

  const direction = query.direction === "asc" ? asc : desc;
  const byName = asc(sql`lower(${learnerName})`);
  const orderings: Record<MenteeSort, SQL[]> = {
    name: [direction(sql`lower(${learnerName})`)],
    progress: [direction(sql`coalesce(${share}, 0)`), byName],
    activity: [
      query.direction === "asc"
        ? sql`${summary.lastActivityAt} asc nulls first`
        : sql`${summary.lastActivityAt} desc nulls last`,
      byName,
    ],
    // Ranked by attention below, by name within each rank.
    attention: [byName],
  };

  const search = query.search.trim();
  const page = Math.max(1, Math.floor(query.page));
  const rows = await db
    .select({
      mentorshipId: mentorships.id,
      learnerName,
      roadmapId: roadmaps.id,
      roadmapTitle: roadmaps.title,
      roadmapSlug: roadmaps.slug,
      roadmapVersion: roadmaps.publishedVersion,
      total: summary.total,
      done: summary.done,
      inProgress: summary.inProgress,
      skipped: summary.skipped,
      currentStage: currentStage.title,
      lastActivityAt: summary.lastActivityAt,
      mentoredSince: mentorships.startedAt,
      enrolledAt: enrollments.startedAt,
      plannedStart: enrollments.plannedStart,
      targetDate: enrollments.targetDate,
      timeZone: users.timeZone,
      inactive,
      stalled,
      recentlyFinishedAt,
      openInvites: openInvitesJson(viewer.id, "mentor_invites_learner", now),
    })
    .from(mentorships)
    .innerJoin(users, eq(users.id, mentorships.learnerId))
    .leftJoin(enrollments, eq(enrollments.userId, mentorships.learnerId))
    .leftJoin(roadmaps, eq(roadmaps.id, enrollments.roadmapId))
    .leftJoin(summary, and(eq(summary.userId, enrollments.userId), eq(summary.roadmapId, enrollments.roadmapId)))
    .leftJoin(currentStage, eq(currentStage.id, summary.currentStageId))
    .where(
      and(
        isCurrentMentorship({ mentorId: viewer.id }),
        search ? ilike(users.name, containsPattern(search)) : undefined,
      ),
    )
    // Unique last keys (mentorship, then roadmap) keep pages from skipping or repeating rows.
    .orderBy(...orderings[query.sort], asc(mentorships.id), sql`${enrollments.roadmapId} asc nulls last`);

  const invites = rows[0]
    ? rows[0].openInvites.map((invite) => ({
        id: invite.id,
        createdAt: new Date(invite.createdAt),
        expiresAt: new Date(invite.expiresAt),
      }))
    : await listOpenInvitesForViewer({ viewer, kind: "mentor_invites_learner" });
  // Stage windows for pace come from the roadmap content this process keeps: no second query.
  const versions = new Map(
    rows.flatMap((row) =>
      row.roadmapSlug && row.roadmapVersion !== null
        ? [[row.roadmapSlug, { slug: row.roadmapSlug, publishedVersion: row.roadmapVersion }] as const]
        : [],
    ),
  );
  const stageWindows = new Map(
    (await Promise.all([...versions.values()].map(loadRoadmapContent))).flatMap((content) =>
      content
        ? [
            [
              content.id,
              content.stages.map((stage) => ({
                id: stage.id,
                startMonth: stage.startMonth,
                endMonth: stage.endMonth,
                total: stage.milestones.length,
              })),
            ] as const,
          ]
        : [],
    ),
  );

  const allRows: MenteeRow[] = rows.map(
    ({
      openInvites: _openInvites,
      roadmapSlug: _roadmapSlug,
      roadmapVersion: _roadmapVersion,
      enrolledAt,
      plannedStart,
      targetDate,
      timeZone,
      recentlyFinishedAt: finishedAt,
      ...row
    }) => {
      const total = Number(row.total ?? 0);
      const done = Number(row.done ?? 0);
      const inProgress = Number(row.inProgress ?? 0);
      const skipped = Number(row.skipped ?? 0);
      const pace =
        row.roadmapId && enrolledAt
          ? overallPaceStatus({
              start: plannedStart ?? localDate(new Date(enrolledAt), timeZone),
              trackedSince: localDate(new Date(enrolledAt), timeZone),
              stages: stageWindows.get(row.roadmapId) ?? [],
              roadmapTarget: targetDate,
              counts: { total, done, skipped, inProgress },
              recentlyFinishedAt: (finishedAt ?? []).map((at) => new Date(at)),
              today: localDate(now, timeZone),
              timeZone,
            })
          : null;
      const inactive = Boolean(row.inactive);
      const stalled = Boolean(row.stalled);
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
        inactive,
        stalled,
        attention: menteeAttention({ paceStatus: pace, inactive, stalled, started: row.lastActivityAt !== null }),
      };
    },
  );
  const filtered = query.attentionOnly ? onlyNeedingAttention(allRows) : allRows;
  const ordered = query.sort === "attention" ? sortByAttention(filtered, query.direction) : filtered;
  const table: MenteeTable = {
    page,
    totalRows: ordered.length,
    pageCount: Math.max(1, Math.ceil(ordered.length / MENTEES_PAGE_SIZE)),
    rows: ordered.slice((page - 1) * MENTEES_PAGE_SIZE, page * MENTEES_PAGE_SIZE),
  };
  return { table, invites };
}
