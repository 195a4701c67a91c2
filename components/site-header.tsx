import Link from "next/link";
import { signOutAction } from "@/lib/actions/auth";
import { getSession } from "@/lib/server/auth";
import { mentorshipMenuLinks } from "@/lib/domain/mentorship-menu";
import { NotificationsLink, UnreadOnMenu } from "./notifications-link";
import { SiteMenu } from "./site-menu";
import { ThemeSelect } from "./theme-select";

type NavLink = { href: string; label: string };

/** The header's page links, the one place that decides which show for whom. */
function navLinksFor(session: Awaited<ReturnType<typeof getSession>>): NavLink[] {
  const roadmaps = { href: "/roadmaps", label: "Roadmaps" };
  if (!session?.viewer) return [roadmaps];
  const mentorship = mentorshipMenuLinks(session.mentorshipSides);
  return [
    roadmaps,
    { href: "/dashboard", label: "Dashboard" },
    ...(mentorship.mentors ? [{ href: "/mentors", label: "Mentors" }] : []),
    ...(mentorship.mentees ? [{ href: "/mentees", label: "Mentees" }] : []),
  ];
}

const linkClass = "text-sm font-medium text-slate-700 underline-offset-4 hover:underline";

export async function SiteHeader() {
  const session = await getSession();
  const viewer = session?.viewer ?? null;
  const unread = session?.unreadNotifications ?? 0;
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
      <nav aria-label="Main" className="relative mx-auto flex max-w-6xl items-center gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="mr-auto text-lg font-bold tracking-tight text-indigo-800">
          Waymark
        </Link>
        <SiteMenu badge={viewer ? <UnreadOnMenu viewerId={viewer.id} unread={unread} /> : null}>
          {navLinksFor(session).map((link) => (
            <Link key={link.href} href={link.href} className={linkClass}>
              {link.label}
            </Link>
          ))}
          {viewer ? (
            <>
              <NotificationsLink viewerId={viewer.id} unread={unread} />
              <Link href="/account" className={linkClass}>
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
              <Link href="/sign-in" className={linkClass}>
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
        </SiteMenu>
      </nav>
    </header>
  );
}
