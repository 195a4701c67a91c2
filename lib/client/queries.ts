import { queryOptions } from "@tanstack/react-query";
import type { RoadmapNotesData, RoadmapProgressData } from "../domain/notebook";

/**
 * The viewer's statuses on a roadmap, and when each milestone was started and finished:
 * prefetched by the page on the server, kept fresh on the client. The viewer is part of
 * the key so one person's cache can never show another's.
 */
export function roadmapProgressQuery(slug: string, viewerId: string) {
  return queryOptions({
    queryKey: ["roadmap-progress", slug, viewerId],
    queryFn: async ({ signal }): Promise<RoadmapProgressData> => {
      const response = await fetch(`/api/roadmaps/${encodeURIComponent(slug)}/progress`, { signal });
      if (!response.ok) throw new Error(`Could not load your progress (HTTP ${response.status}).`);
      return (await response.json()) as RoadmapProgressData;
    },
  });
}

/**
 * The viewer's notes and evidence links on a roadmap. Always refetched when the tab regains
 * focus, so a note saved from another tab or device is noticed before it is overwritten.
 */
export function roadmapNotesQuery(slug: string, viewerId: string) {
  return queryOptions({
    queryKey: ["roadmap-notes", slug, viewerId],
    queryFn: async ({ signal }): Promise<RoadmapNotesData> => {
      const response = await fetch(`/api/roadmaps/${encodeURIComponent(slug)}/notes`, { signal });
      if (!response.ok) throw new Error(`Could not load your notes (HTTP ${response.status}).`);
      return (await response.json()) as RoadmapNotesData;
    },
    staleTime: 0,
    refetchOnWindowFocus: "always",
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
