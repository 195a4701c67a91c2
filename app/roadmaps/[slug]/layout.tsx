import { notFound } from "next/navigation";
import { getViewer } from "@/lib/server/auth";
import { findRoadmapAccess } from "@/lib/data/roadmap-access";

/** Checked outside the page's loading boundary, so a roadmap the viewer may not see answers with a real 404. */
export default async function RoadmapLayout({ children, params }: LayoutProps<"/roadmaps/[slug]">) {
  const [viewer, { slug }] = await Promise.all([getViewer(), params]);
  if (!(await findRoadmapAccess(viewer?.id ?? null, slug))) notFound();
  return children;
}
