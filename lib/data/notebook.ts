import { eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import type { EvidenceLink, NoteSnapshot, RoadmapNotesData } from "../queries";
import { roadmapIdOf } from "./roadmaps";
import type { Viewer } from "./viewer";

/**
 * The viewer's own notes and evidence on a roadmap, in the shape the roadmap page caches:
 * one statement for both, since every view of the roadmap page reads them.
 */
export async function getNotebookForViewer({
  viewer,
  roadmapSlug,
}: {
  viewer: Viewer;
  roadmapSlug: string;
}): Promise<RoadmapNotesData> {
  const roadmapId = await roadmapIdOf(roadmapSlug);
  const [row] = await getDb()
    .select({
      notes: sql<(NoteSnapshot & { milestoneId: string })[]>`(
        select coalesce(json_agg(json_build_object('milestoneId', n.milestone_id, 'body', n.body, 'version', n.version)), '[]'::json)
        from milestone_notes n join milestones m on m.id = n.milestone_id
        where n.user_id = ${viewer.id} and m.roadmap_id = ${roadmapId})`,
      evidence: sql<(EvidenceLink & { milestoneId: string })[]>`(
        select coalesce(json_agg(json_build_object('id', e.id, 'milestoneId', e.milestone_id, 'title', e.title, 'url', e.url)
          order by e.created_at, e.id), '[]'::json)
        from milestone_evidence e join milestones m on m.id = e.milestone_id
        where e.user_id = ${viewer.id} and m.roadmap_id = ${roadmapId})`,
    })
    .from(users)
    .where(eq(users.id, viewer.id));
  const notebook: RoadmapNotesData = { notes: {}, evidence: {} };
  for (const { milestoneId, body, version } of row?.notes ?? []) notebook.notes[milestoneId] = { body, version };
  for (const { milestoneId, ...link } of row?.evidence ?? []) (notebook.evidence[milestoneId] ??= []).push(link);
  return notebook;
}
