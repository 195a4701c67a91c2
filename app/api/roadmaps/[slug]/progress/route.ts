import { getViewer } from "@/lib/auth";
import { getRoadmapProgressForViewer } from "@/lib/data/roadmap-state";
import { AppError } from "@/lib/errors";
import { jsonRoute } from "@/lib/http";
import type { RoadmapProgressData } from "@/lib/queries";

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
