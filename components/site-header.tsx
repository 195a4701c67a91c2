import Link from "next/link";
import { signOutAction } from "@/lib/actions/auth";
import { getSession } from "@/lib/server/auth";
import { mentorshipMenuLinks } from "@/lib/domain/mentorship-menu";
import { NotificationsLink } from "./notifications-link";
import { ThemeSelect } from "./theme-select";

export async function SiteHeader() {
  const session = await getSession();
  const viewer = session?.viewer ?? null;
  const unread = session?.unreadNotifications ?? 0;
  const mentorship = mentorshipMenuLinks(session?.mentorshipSides ?? { asLearner: false, asMentor: false });
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6"
      >
        <Link href="/" className="mr-auto text-lg font-bold tracking-tight text-indigo-800">
          Waymark
        </Link>
        <Link
          href="/roadmaps/backend-developer"
          className="text-sm font-medium text-slate-700 underline-offset-4 hover:underline"
        >
          Roadmap
        </Link>
        {viewer ? (
          <>
            <Link href="/dashboard" className="text-sm font-medium text-slate-700 underline-offset-4 hover:underline">
              Dashboard
            </Link>
            {mentorship.mentors ? (
              <Link href="/mentors" className="text-sm font-medium text-slate-700 underline-offset-4 hover:underline">
                Mentors
              </Link>
            ) : null}
            {mentorship.mentees ? (
              <Link href="/mentees" className="text-sm font-medium text-slate-700 underline-offset-4 hover:underline">
                Mentees
              </Link>
            ) : null}
            <NotificationsLink viewerId={viewer.id} unread={unread} />
            <Link href="/account" className="text-sm font-medium text-slate-700 underline-offset-4 hover:underline">
              Account<span className="sr-only">: signed in as {viewer.name ?? viewer.email}</span>
            </Link>
            <form action={signOutAction}>
              <button
                type="submit"
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
              >
                Sign out
              </button>
            </form>
          </>
        ) : (
          <>
            <Link href="/sign-in" className="text-sm font-medium text-slate-700 underline-offset-4 hover:underline">
              Sign in
            </Link>
            <Link
              href="/sign-up"
              className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800"
            >
              Sign up
            </Link>
          </>
        )}
        <ThemeSelect />
      </nav>
    </header>
  );
}
