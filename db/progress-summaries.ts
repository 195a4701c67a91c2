import { sql, type SQL } from "drizzle-orm";
import type { Database, Transaction } from "./client";

/**
 * Recomputes learner_progress_summaries from the progress rows and the current content:
 * for one learner and roadmap inside a status change, or for everyone after the content
 * changed. One statement either way, the same on both drivers.
 */
function refreshStatement(where: SQL): SQL {
  return sql`
    insert into learner_progress_summaries
      (user_id, roadmap_id, total, done, in_progress, skipped, last_activity_at, oldest_in_progress_at, current_stage_id)
    select
      e.user_id,
      e.roadmap_id,
      count(m.id)::int,
      (count(*) filter (where p.status = 'done'))::int,
      (count(*) filter (where p.status = 'in_progress'))::int,
      (count(*) filter (where p.status = 'skipped'))::int,
      max(p.updated_at),
      min(p.started_at) filter (where p.status = 'in_progress'),
      (array_agg(m.stage_id order by s.position, m.position)
        filter (where coalesce(p.status, 'not_started') not in ('done', 'skipped')))[1]
    from enrollments e
    left join milestones m on m.roadmap_id = e.roadmap_id and m.archived_at is null
    left join stages s on s.id = m.stage_id
    left join milestone_progress p on p.milestone_id = m.id and p.user_id = e.user_id
    where ${where}
    group by e.user_id, e.roadmap_id
    on conflict (user_id, roadmap_id) do update set
      total = excluded.total,
      done = excluded.done,
      in_progress = excluded.in_progress,
      skipped = excluded.skipped,
      last_activity_at = excluded.last_activity_at,
      oldest_in_progress_at = excluded.oldest_in_progress_at,
      current_stage_id = excluded.current_stage_id`;
}

export async function refreshProgressSummary(
  db: Database | Transaction,
  { userId, roadmapId }: { userId: string; roadmapId: string },
): Promise<void> {
  await db.execute(refreshStatement(sql`e.user_id = ${userId} and e.roadmap_id = ${roadmapId}`));
}

/** Every learner's summary on a roadmap whose content just changed (milestones added, retired, moved). */
export async function refreshRoadmapProgressSummaries(db: Database | Transaction, roadmapId: string): Promise<void> {
  await db.execute(refreshStatement(sql`e.roadmap_id = ${roadmapId}`));
}
