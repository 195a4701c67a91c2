"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

export const NOTIFICATIONS_READ_EVENT = "waymark:notifications-read";

/** The header's link with the unread count; the header re-keys it whenever the server's count changes. */
export function NotificationsLink({ unread }: { unread: number }) {
  const [cleared, setCleared] = useState(false);
  useEffect(() => {
    const clear = () => setCleared(true);
    window.addEventListener(NOTIFICATIONS_READ_EVENT, clear);
    return () => window.removeEventListener(NOTIFICATIONS_READ_EVENT, clear);
  }, []);
  const count = cleared ? 0 : unread;
  return (
    <Link
      href="/notifications"
      aria-label={count > 0 ? `Notifications, ${count} unread` : "Notifications"}
      className="text-sm font-medium text-slate-700 underline-offset-4 hover:underline"
    >
      Notifications
      {count > 0 ? (
        <span
          aria-hidden="true"
          className="ml-1 rounded-full bg-indigo-700 px-1.5 py-0.5 text-xs font-semibold text-white"
        >
          {count}
        </span>
      ) : null}
    </Link>
  );
}
