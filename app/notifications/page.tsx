import type { Metadata } from "next";
import Link from "next/link";
import { MarkNotificationsRead } from "@/components/mark-notifications-read";
import { requirePageViewer } from "@/lib/server/viewer-guard";
import { listNotificationsForViewer, type NotificationView } from "@/lib/data/notifications";
import { LocalTime } from "@/components/ui/local-time";
import { feedbackThreadHref } from "@/lib/domain/feedback-links";

export const metadata: Metadata = { title: "Notifications" };

function describe(notification: NotificationView): { text: string; href: string | null } {
  const menteeHref = notification.mentorshipId ? `/mentees/${notification.mentorshipId}` : null;
  // Feedback, replies and review marks open the milestone's thread.
  const threadHref = feedbackThreadHref(notification);
  switch (notification.kind) {
    case "feedback":
      return { text: `${notification.actorName} left feedback on “${notification.milestoneTitle}”`, href: threadHref };
    case "reviewed":
      return { text: `${notification.actorName} reviewed “${notification.milestoneTitle}”`, href: threadHref };
    case "reply":
      return {
        text: `${notification.actorName} replied on “${notification.milestoneTitle}”`,
        href: threadHref ?? menteeHref,
      };
    case "stage_completed":
      return { text: `${notification.learnerName} finished the ${notification.stageTitle} stage`, href: menteeHref };
    case "invite_accepted":
      return notification.toLearner
        ? { text: `${notification.actorName} accepted your invite and can now see your progress`, href: "/mentors" }
        : { text: `${notification.actorName} accepted your invite: you now mentor them`, href: menteeHref };
    case "invite_declined":
      return { text: `${notification.actorName} declined your invite to mentor you`, href: "/mentors" };
    case "mentorship_ended":
      return notification.toLearner
        ? { text: `${notification.actorName} ended the mentorship: they no longer see your progress`, href: "/mentors" }
        : { text: `${notification.actorName} ended the mentorship: you no longer see their progress`, href: null };
  }
}

export default async function NotificationsPage() {
  const viewer = await requirePageViewer("/notifications");
  const notifications = await listNotificationsForViewer({ viewer });
  const unread = notifications.filter((notification) => notification.unread).length;

  return (
    <main className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold tracking-tight">Notifications</h1>
      {unread > 0 ? (
        <MarkNotificationsRead ids={notifications.filter((notification) => notification.unread).map((n) => n.id)} />
      ) : null}
      {notifications.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-700">
          Nothing yet. You&apos;ll hear here when a mentor leaves feedback or a mentee finishes a stage.
        </p>
      ) : (
        <ul className="flex flex-col gap-2">
          {notifications.map((notification) => {
            const { text, href } = describe(notification);
            return (
              <li key={notification.id} className="rounded-lg border border-slate-200 bg-white p-3">
                <p className={notification.unread ? "font-semibold" : ""}>
                  {notification.unread ? (
                    <span className="mr-2 rounded bg-indigo-700 px-1.5 py-0.5 text-xs text-white">New</span>
                  ) : null}
                  {href ? (
                    <Link href={href} className="text-indigo-800 underline underline-offset-4">
                      {text}
                    </Link>
                  ) : (
                    text
                  )}
                </p>
                <span className="text-sm text-slate-600">
                  <LocalTime value={notification.createdAt} withTime />
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
