import type { RoadmapNotesData } from "../queries";
import { getEvidenceForViewer } from "./evidence";
import { getNotesForViewer } from "./notes";
import type { Viewer } from "./viewer";

/** The viewer's own notes and evidence on a roadmap, in the shape the roadmap page caches. */
export async function getNotebookForViewer({
  viewer,
  roadmapSlug,
}: {
  viewer: Viewer;
  roadmapSlug: string;
}): Promise<RoadmapNotesData> {
  const [notes, evidence] = await Promise.all([
    getNotesForViewer({ viewer, roadmapSlug }),
    getEvidenceForViewer({ viewer, roadmapSlug }),
  ]);
  return {
    notes: Object.fromEntries(Object.entries(notes).map(([id, { body, version }]) => [id, { body, version }])),
    evidence: Object.fromEntries(
      Object.entries(evidence).map(([id, links]) => [
        id,
        links.map(({ id: linkId, title, url }) => ({ id: linkId, title, url })),
      ]),
    ),
  };
}
