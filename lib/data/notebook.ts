import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { milestoneEvidence, milestoneNotes, milestones, users } from "../../db/schema";
import type { EvidenceLink, NoteSnapshot, RoadmapNotesData } from "../domain/notebook";
import { roadmapIdOf } from "./roadmaps";
import { scalarSubquery } from "./scalar-subquery";
import type { Viewer } from "./viewer";

type NoteRow = NoteSnapshot & { milestoneId: string };
type EvidenceRow = EvidenceLink & { milestoneId: string };

/** A learner's notes on a roadmap as one JSON array, for statements that read several things at once. */
export const notesJson = (userId: string, roadmapId: string) =>
  scalarSubquery<NoteRow[]>(sql`
  select coalesce(json_agg(json_build_object('milestoneId', ${milestoneNotes.milestoneId}, 'body', ${milestoneNotes.body},
    'version', ${milestoneNotes.version})), '[]'::json)
  from ${milestoneNotes} join ${milestones} on ${milestones.id} = ${milestoneNotes.milestoneId}
  where ${milestoneNotes.userId} = ${userId} and ${milestones.roadmapId} = ${roadmapId}`);

/** A learner's evidence links on a roadmap as one JSON array, oldest first. */
export const evidenceJson = (userId: string, roadmapId: string) =>
  scalarSubquery<EvidenceRow[]>(sql`
  select coalesce(json_agg(json_build_object('id', ${milestoneEvidence.id}, 'milestoneId', ${milestoneEvidence.milestoneId},
    'title', ${milestoneEvidence.title}, 'url', ${milestoneEvidence.url})
    order by ${milestoneEvidence.createdAt}, ${milestoneEvidence.id}), '[]'::json)
  from ${milestoneEvidence} join ${milestones} on ${milestones.id} = ${milestoneEvidence.milestoneId}
  where ${milestoneEvidence.userId} = ${userId} and ${milestones.roadmapId} = ${roadmapId}`);

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
