import { getViewer } from "@/lib/server/auth";
import { getRoadmapProgressForViewer } from "@/lib/data/roadmap-state";
import { AppError } from "@/lib/domain/errors";
import { jsonRoute } from "@/lib/server/http";
import type { RoadmapProgressData } from "@/lib/domain/notebook";

export const GET = jsonRoute(
  async (
    _request: Request,
    { params }: RouteContext<"/api/roadmaps/[slug]/progress">,
  ): Promise<RoadmapProgressData> => {
    const viewer = await getViewer();
    if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in to see your progress.");
    return getRoadmapProgressForViewer({ viewer, roadmapSlug: (await params).slug });
  },
);
