"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { unreadNotificationsQuery } from "@/lib/client/queries";

export const NOTIFICATIONS_READ_EVENT = "waymark:notifications-read";

/** The unread count, kept fresh on navigation, focus and a slow poll. */
function useUnreadCount(viewerId: string, unread: number): number {
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const { data: count = unread, refetch } = useQuery({ ...unreadNotificationsQuery(viewerId), initialData: unread });

  useEffect(() => {
    void refetch();
  }, [pathname, refetch]);
  useEffect(() => {
    const { queryKey } = unreadNotificationsQuery(viewerId);
    // A count fetched before the page marked everything read would bring the badge back.
    const clear = () => {
      void queryClient.cancelQueries({ queryKey }, { revert: false, silent: true });
      queryClient.setQueryData(queryKey, 0);
    };
    window.addEventListener(NOTIFICATIONS_READ_EVENT, clear);
    return () => window.removeEventListener(NOTIFICATIONS_READ_EVENT, clear);
  }, [queryClient, viewerId]);

  return count;
}

const BADGE = "rounded-full bg-indigo-700 px-1.5 py-0.5 text-xs font-semibold text-white";

/** The header's link to the notifications, with the unread count. */
export function NotificationsLink({ viewerId, unread }: { viewerId: string; unread: number }) {
  const count = useUnreadCount(viewerId, unread);
  return (
    <Link href="/notifications" className="text-sm font-medium text-slate-700 underline-offset-4 hover:underline">
      Notifications
      {/* The count is read out with the visible word, not instead of it: speech input users say what they see (WCAG 2.5.3). */}
      {count > 0 ? (
        <>
          {" "}
          <span className={BADGE}>{count}</span>
          <span className="sr-only"> unread</span>
        </>
      ) : null}
    </Link>
  );
}

/** On the phone's Menu button: with the links folded away, the count would otherwise be out of sight. */
export function UnreadOnMenu({ viewerId, unread }: { viewerId: string; unread: number }) {
  const count = useUnreadCount(viewerId, unread);
  if (count === 0) return null;
  return (
    <>
      {" "}
      <span className={BADGE}>{count}</span>
      <span className="sr-only"> unread notifications</span>
    </>
  );
}
