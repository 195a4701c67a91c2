"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { roadmapNotesQuery } from "@/lib/client/queries";
import type { EvidenceLink, NoteSnapshot, RoadmapNotesData } from "@/lib/domain/notebook";

/**
 * The viewer's notes and evidence on a roadmap, with the updates each editor reports after
 * a save, so a milestone shown again (after a filter, say) starts from what was saved last.
 */
export function useRoadmapNotebook(slug: string, viewerId: string | null) {
  const queryClient = useQueryClient();
  const options = roadmapNotesQuery(slug, viewerId ?? "anonymous");
  const query = useQuery({ ...options, enabled: viewerId !== null });
  const update = async (change: (data: RoadmapNotesData) => RoadmapNotesData) => {
    // A refetch already on its way would land after this change and undo it on screen.
    await queryClient.cancelQueries({ queryKey: options.queryKey });
    queryClient.setQueryData(options.queryKey, (data) => (data ? change(data) : data));
  };

  return {
    data: viewerId ? query.data : undefined,
    noteSaved: (milestoneId: string, note: NoteSnapshot) =>
      update((data) => {
        const known = data.notes[milestoneId];
        // A refetch may already hold a newer version from another tab: never step back.
        if (known && known.version >= note.version) return data;
        return { ...data, notes: { ...data.notes, [milestoneId]: note } };
      }),
    evidenceAdded: (milestoneId: string, link: EvidenceLink) =>
      update((data) => {
        const links = data.evidence[milestoneId] ?? [];
        if (links.some(({ id }) => id === link.id)) return data;
        return { ...data, evidence: { ...data.evidence, [milestoneId]: [...links, link] } };
      }),
    evidenceRemoved: (milestoneId: string, linkId: string) =>
      update((data) => ({
        ...data,
        evidence: {
          ...data.evidence,
          [milestoneId]: (data.evidence[milestoneId] ?? []).filter(({ id }) => id !== linkId),
        },
      })),
  };
}
