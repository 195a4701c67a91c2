import { getViewer } from "@/lib/auth";
import { getMilestoneDatesForViewer } from "@/lib/data/insight";
import { getStatusesForViewer } from "@/lib/data/roadmaps";
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
    const { slug } = await params;
    const [statuses, dates] = await Promise.all([
      getStatusesForViewer({ viewer, roadmapSlug: slug }),
      getMilestoneDatesForViewer({ viewer, roadmapSlug: slug }),
    ]);
    return { statuses, dates };
  },
);
