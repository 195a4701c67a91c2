"use client";

import { useEffect } from "react";
import { markNotificationsReadAction } from "@/lib/actions/mentorship";
import { NOTIFICATIONS_READ_EVENT } from "./notifications-link";

/**
 * Opening the page marks everything read. Done from the browser, so a prefetch never counts
 * as opening; the page keeps its "New" marks for this visit while the header count clears.
 */
export function MarkNotificationsRead({ ids }: { ids: string[] }) {
  useEffect(() => {
    void markNotificationsReadAction({ ids }).then((result) => {
      if (result.ok) window.dispatchEvent(new Event(NOTIFICATIONS_READ_EVENT));
    });
    // Once per visit: the ids are fixed for the page that was rendered.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return null;
}
