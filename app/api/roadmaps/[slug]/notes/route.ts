import { getViewer } from "@/lib/server/auth";
import { getNotebookForViewer } from "@/lib/data/notebook";
import { AppError } from "@/lib/domain/errors";
import { jsonRoute } from "@/lib/server/http";
import type { RoadmapNotesData } from "@/lib/domain/notebook";

export const GET = jsonRoute(
  async (_request: Request, { params }: RouteContext<"/api/roadmaps/[slug]/notes">): Promise<RoadmapNotesData> => {
    const viewer = await getViewer();
    if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in to see your notes.");
    return getNotebookForViewer({ viewer, roadmapSlug: (await params).slug });
  },
);
