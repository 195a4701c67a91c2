import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import type { RoadmapNotesData } from "../domain/notebook";
import { evidenceJson, notebookFromRows, notesJson } from "./internal/notebook-json";
import { requireRoadmapAccess } from "./roadmap-access";
import type { Viewer } from "./viewer";

/** The viewer's own notes and evidence on a roadmap, in the shape the roadmap page caches. */
export async function getNotebookForViewer({
  viewer,
  roadmapSlug,
}: {
  viewer: Viewer;
  roadmapSlug: string;
}): Promise<RoadmapNotesData> {
  const roadmapId = (await requireRoadmapAccess({ viewer, slug: roadmapSlug, permission: "view" })).roadmap.id;
  const [row] = await getDb()
    .select({ notes: notesJson(viewer.id, roadmapId), evidence: evidenceJson(viewer.id, roadmapId) })
    .from(users)
    .where(eq(users.id, viewer.id));
  return notebookFromRows(row?.notes ?? [], row?.evidence ?? []);
}
