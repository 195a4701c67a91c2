import type { MilestoneDates } from "./history";
import type { StatusMap } from "./progress-math";

/*
 * What the roadmap page's client cache holds, in the shape the server sends it: the
 * learner's notes and evidence links, and their statuses with milestone dates.
 */
export type NoteSnapshot = { body: string; version: number };
export type EvidenceLink = { id: string; title: string; url: string };
export type RoadmapNotesData = {
  notes: Record<string, NoteSnapshot>;
  evidence: Record<string, EvidenceLink[]>;
};

export type RoadmapProgressData = { statuses: StatusMap; dates: MilestoneDates };
