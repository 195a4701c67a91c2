import { requireRouteViewer } from "@/lib/server/viewer-guard";
import { getNotebookForViewer } from "@/lib/data/notebook";
import { jsonReadRoute } from "@/lib/server/http";
import type { RoadmapNotesData } from "@/lib/domain/notebook";

export const GET = jsonReadRoute(
  async (_request: Request, { params }: RouteContext<"/api/roadmaps/[slug]/notes">): Promise<RoadmapNotesData> => {
    const viewer = await requireRouteViewer("Sign in to see your notes.");
    return getNotebookForViewer({ viewer, roadmapSlug: (await params).slug });
  },
);
