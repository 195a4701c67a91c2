import { getViewer } from "@/lib/auth";
import { getStatusesForViewer } from "@/lib/data/roadmaps";
import { AppError } from "@/lib/errors";
import { jsonRoute } from "@/lib/http";

export const GET = jsonRoute(async (_request: Request, { params }: RouteContext<"/api/roadmaps/[slug]/progress">) => {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in to see your progress.");
  return { statuses: await getStatusesForViewer({ viewer, roadmapSlug: (await params).slug }) };
});
