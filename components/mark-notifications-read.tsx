"use client";

import { useEffect } from "react";
import { markNotificationsReadAction } from "@/lib/actions/mentorship";
import { NOTIFICATIONS_READ_EVENT } from "./notifications-link";

/**
 * Opening the page marks everything read. Done from the browser, so a prefetch never counts
 * as opening; the page keeps its "New" marks for this visit while the header count clears.
 */
export function MarkNotificationsRead({ ids }: { ids: string[] }) {
  // Keyed by the list's contents, not the array: a re-render with the same notifications marks nothing again.
  const shown = ids.join(",");
  useEffect(() => {
    void markNotificationsReadAction({ ids: shown ? shown.split(",") : [] }).then((result) => {
      if (result.ok) window.dispatchEvent(new Event(NOTIFICATIONS_READ_EVENT));
    });
  }, [shown]);
  return null;
}
