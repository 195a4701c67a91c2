"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { setMilestoneStatusAction } from "@/app/roadmaps/[slug]/actions";
import { roadmapStatusesQuery } from "@/lib/queries";
import { statusOf, type MilestoneStatus, type StatusMap } from "@/lib/progress";

type StatusChange = { milestoneId: string; status: MilestoneStatus; title: string };
export type FailedChange = StatusChange & { message: string };

class RefusedChange extends Error {}

function messageFor(error: unknown): string {
  if (error instanceof RefusedChange) return error.message;
  return "We couldn't reach the server. Check your connection and try again.";
}

/**
 * A status change shows at once: the cache is updated before the server answers and
 * only the changed milestone is put back if the server refuses or cannot be reached.
 */
export function useSetMilestoneStatus(slug: string) {
  const queryClient = useQueryClient();
  const { queryKey } = roadmapStatusesQuery(slug);
  const [failed, setFailed] = useState<FailedChange | null>(null);

  const mutation = useMutation({
    mutationKey: ["set-milestone-status", slug],
    mutationFn: async ({ milestoneId, status }: StatusChange) => {
      const result = await setMilestoneStatusAction({ milestoneId, status });
      if (!result.ok) throw new RefusedChange(result.error);
      return result.data;
    },
    onMutate: async ({ milestoneId, status }) => {
      setFailed(null);
      await queryClient.cancelQueries({ queryKey });
      const previous = statusOf(queryClient.getQueryData<StatusMap>(queryKey) ?? {}, milestoneId);
      queryClient.setQueryData<StatusMap>(queryKey, (statuses) => ({ ...statuses, [milestoneId]: status }));
      return { previous };
    },
    onError: (error, change, context) => {
      if (context) {
        queryClient.setQueryData<StatusMap>(queryKey, (statuses) => ({ ...statuses, [change.milestoneId]: context.previous }));
      }
      setFailed({ ...change, message: messageFor(error) });
    },
    onSettled: () => {
      // Refetch once the last change in a burst has settled, so a quick series of ticks never flickers.
      if (queryClient.isMutating({ mutationKey: ["set-milestone-status", slug] }) === 1) {
        void queryClient.invalidateQueries({ queryKey });
      }
    },
  });

  return {
    setStatus: (change: StatusChange) => mutation.mutate(change),
    failed,
    retry: () => failed && mutation.mutate(failed),
    dismiss: () => setFailed(null),
  };
}
