import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import type { EvidenceLink, NoteSnapshot, RoadmapNotesData } from "../domain/notebook";
import { roadmapIdOf } from "./roadmaps";
import type { Viewer } from "./viewer";

type NoteRow = NoteSnapshot & { milestoneId: string };
type EvidenceRow = EvidenceLink & { milestoneId: string };

/** A learner's notes on a roadmap as one JSON array, for statements that read several things at once. */
export const notesJson = (userId: string, roadmapId: string) => sql<NoteRow[]>`(
  select coalesce(json_agg(json_build_object('milestoneId', n.milestone_id, 'body', n.body, 'version', n.version)), '[]'::json)
  from milestone_notes n join milestones m on m.id = n.milestone_id
  where n.user_id = ${userId} and m.roadmap_id = ${roadmapId})`;

/** A learner's evidence links on a roadmap as one JSON array, oldest first. */
export const evidenceJson = (userId: string, roadmapId: string) => sql<EvidenceRow[]>`(
  select coalesce(json_agg(json_build_object('id', e.id, 'milestoneId', e.milestone_id, 'title', e.title, 'url', e.url)
    order by e.created_at, e.id), '[]'::json)
  from milestone_evidence e join milestones m on m.id = e.milestone_id
  where e.user_id = ${userId} and m.roadmap_id = ${roadmapId})`;

export function notebookFromRows(notes: readonly NoteRow[], evidence: readonly EvidenceRow[]): RoadmapNotesData {
  const notebook: RoadmapNotesData = { notes: {}, evidence: {} };
  for (const { milestoneId, body, version } of notes) notebook.notes[milestoneId] = { body, version };
  for (const { milestoneId, ...link } of evidence) (notebook.evidence[milestoneId] ??= []).push(link);
  return notebook;
}

/** The viewer's own notes and evidence on a roadmap, in the shape the roadmap page caches. */
export async function getNotebookForViewer({
  viewer,
  roadmapSlug,
}: {
  viewer: Viewer;
  roadmapSlug: string;
}): Promise<RoadmapNotesData> {
  const roadmapId = await roadmapIdOf(roadmapSlug);
  const [row] = await getDb()
    .select({ notes: notesJson(viewer.id, roadmapId), evidence: evidenceJson(viewer.id, roadmapId) })
    .from(users)
    .where(eq(users.id, viewer.id));
  return notebookFromRows(row?.notes ?? [], row?.evidence ?? []);
}
