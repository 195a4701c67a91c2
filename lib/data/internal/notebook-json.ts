import "server-only";
import { sql } from "drizzle-orm";
import { milestoneEvidence, milestoneNotes, milestones } from "../../../db/schema";
import type { EvidenceLink, NoteSnapshot, RoadmapNotesData } from "../../domain/notebook";
import { scalarSubquery } from "../scalar-subquery";

/*
 * Any learner's notes and evidence as JSON columns, for statements that read several things at
 * once: callers have asked lib/data/access.ts, or read the viewer's own.
 */
type NoteRow = NoteSnapshot & { milestoneId: string };
type EvidenceRow = EvidenceLink & { milestoneId: string };

/** A learner's notes on a roadmap as one JSON array. */
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
