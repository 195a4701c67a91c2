import { notFound } from "next/navigation";
import { getViewer } from "@/lib/server/auth";
import { requireMenteeForViewer } from "@/lib/data/mentorships";
import { AppError } from "@/lib/domain/errors";

/*
 * The access check runs here, outside the page's loading boundary, so a forbidden or
 * unknown mentee answers with a real 404 before anything streams — the same for everyone
 * who may not look, signed in or not.
 */
export default async function MenteeLayout({ children, params }: LayoutProps<"/mentees/[id]">) {
  const viewer = await getViewer();
  const { id } = await params;
  if (!viewer) notFound();
  try {
    await requireMenteeForViewer({ viewer, mentorshipId: id });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return children;
}
