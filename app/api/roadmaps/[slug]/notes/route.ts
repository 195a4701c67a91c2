import { getViewer } from "@/lib/auth";
import { getNotebookForViewer } from "@/lib/data/notebook";
import { AppError } from "@/lib/errors";
import { jsonRoute } from "@/lib/http";
import type { RoadmapNotesData } from "@/lib/queries";

export const GET = jsonRoute(
  async (_request: Request, { params }: RouteContext<"/api/roadmaps/[slug]/notes">): Promise<RoadmapNotesData> => {
    const viewer = await getViewer();
    if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in to see your notes.");
    return getNotebookForViewer({ viewer, roadmapSlug: (await params).slug });
  },
);
