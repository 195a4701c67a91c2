import { notFound } from "next/navigation";
import { roadmapExists } from "@/lib/data/roadmaps";

/** Checked outside the page's loading boundary, so an unknown roadmap answers with a real 404. */
export default async function RoadmapLayout({ children, params }: LayoutProps<"/roadmaps/[slug]">) {
  if (!(await roadmapExists((await params).slug))) notFound();
  return children;
}
