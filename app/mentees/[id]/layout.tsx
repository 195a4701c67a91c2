import { notFound } from "next/navigation";
import { getViewer } from "@/lib/server/auth";
import { requireMenteeAccess } from "@/lib/data/access";
import { AppError } from "@/lib/domain/errors";

/*
 * The access check runs here, outside the page's loading boundary, so a forbidden or
 * unknown mentee answers with a real 404 before anything streams — the same for everyone
 * who may not look, signed in or not. The page's own read reuses this request's answer.
 */
export default async function MenteeLayout({ children, params }: LayoutProps<"/mentees/[id]">) {
  const viewer = await getViewer();
  const { id } = await params;
  if (!viewer) notFound();
  try {
    await requireMenteeAccess({ viewer, mentorshipId: id });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return children;
}
