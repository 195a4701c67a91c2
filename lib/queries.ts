import { queryOptions } from "@tanstack/react-query";
import type { StatusMap } from "./progress";

/**
 * The viewer's statuses on a roadmap: prefetched by the page on the server, kept fresh on
 * the client. The viewer is part of the key so one person's cache can never show another's.
 */
export function roadmapStatusesQuery(slug: string, viewerId: string) {
  return queryOptions({
    queryKey: ["roadmap-statuses", slug, viewerId],
    queryFn: async ({ signal }): Promise<StatusMap> => {
      const response = await fetch(`/api/roadmaps/${encodeURIComponent(slug)}/progress`, { signal });
      if (!response.ok) throw new Error(`Could not load your progress (HTTP ${response.status}).`);
      const body = (await response.json()) as { statuses: StatusMap };
      return body.statuses;
    },
  });
}

/** The header's unread count: the root layout does not re-render on client navigation, so it polls. */
export function unreadNotificationsQuery(viewerId: string) {
  return queryOptions({
    queryKey: ["unread-notifications", viewerId],
    queryFn: async ({ signal }): Promise<number> => {
      const response = await fetch("/api/notifications/unread-count", { signal });
      if (!response.ok) throw new Error(`Could not load notifications (HTTP ${response.status}).`);
      return ((await response.json()) as { unread: number }).unread;
    },
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}
