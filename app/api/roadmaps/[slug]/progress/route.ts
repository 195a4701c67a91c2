import { requireRouteViewer } from "@/lib/server/viewer-guard";
import { getRoadmapProgressForViewer } from "@/lib/data/roadmap-state";
import { jsonReadRoute } from "@/lib/server/http";
import type { RoadmapProgressData } from "@/lib/domain/notebook";

export const GET = jsonReadRoute(
  async (
    _request: Request,
    { params }: RouteContext<"/api/roadmaps/[slug]/progress">,
  ): Promise<RoadmapProgressData> => {
    const viewer = await requireRouteViewer("Sign in to see your progress.");
    return getRoadmapProgressForViewer({ viewer, roadmapSlug: (await params).slug });
  },
);
