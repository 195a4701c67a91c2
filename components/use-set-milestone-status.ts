"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { setMilestoneStatusAction } from "@/lib/actions/progress";
import type { ErrorCode } from "@/lib/domain/errors";
import { statusOf, type MilestoneStatus, type StatusMap } from "@/lib/domain/progress-math";
import { roadmapProgressQuery } from "@/lib/client/queries";
import type { RoadmapProgressData } from "@/lib/domain/notebook";
import { StatusChangeLedger } from "@/lib/client/status-change-ledger";

type StatusChange = { milestoneId: string; status: MilestoneStatus; title: string };
export type FailedChange = StatusChange & { message: string; code: ErrorCode | "UNREACHABLE" };

class RefusedChange extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
  ) {
    super(message);
  }
}

function describeFailure(error: unknown): Pick<FailedChange, "message" | "code"> {
  if (error instanceof RefusedChange) return { message: error.message, code: error.code };
  return { message: "We couldn't reach the server. Check your connection and try again.", code: "UNREACHABLE" };
}

const mutationKeyFor = (slug: string) => ["set-milestone-status", slug];

/** The viewer's statuses; empty for a signed-out visitor, whatever the cache holds. */
export function useRoadmapStatuses(slug: string, viewerId: string | null) {
  const queryClient = useQueryClient();
  const query = useQuery({
    ...roadmapProgressQuery(slug, viewerId ?? "anonymous"),
    enabled: viewerId !== null,
    // A refetch started while a change is on its way would briefly show the old status.
    refetchOnWindowFocus: () => queryClient.isMutating({ mutationKey: mutationKeyFor(slug) }) === 0,
  });
  const statuses: StatusMap = viewerId ? (query.data?.statuses ?? {}) : {};
  const dates = viewerId ? (query.data?.dates ?? {}) : {};
  return { statuses, dates, loadFailed: query.isError && !query.data };
}

/**
 * A status change shows at once: the cache is updated before the server answers, and a
 * failure puts back only that milestone, to what the server last confirmed, unless a
 * newer change of the same milestone is on its way.
 */
export function useSetMilestoneStatus(slug: string, viewerId: string) {
  const queryClient = useQueryClient();
  const { queryKey } = roadmapProgressQuery(slug, viewerId);
  const setStatusInCache = (milestoneId: string, status: MilestoneStatus) =>
    queryClient.setQueryData<RoadmapProgressData>(queryKey, (data) => ({
      dates: data?.dates ?? {},
      statuses: { ...data?.statuses, [milestoneId]: status },
    }));
  const ledger = useRef(new StatusChangeLedger());
  const [failures, setFailures] = useState<ReadonlyMap<string, FailedChange>>(new Map());
  const mutationKey = mutationKeyFor(slug);

  const forget = (milestoneId: string) =>
    setFailures((current) => {
      if (!current.has(milestoneId)) return current;
      const next = new Map(current);
      next.delete(milestoneId);
      return next;
    });

  const mutation = useMutation({
    mutationKey,
    mutationFn: async ({ milestoneId, status }: StatusChange & { change: number }) => {
      const result = await setMilestoneStatusAction({ milestoneId, status });
      if (!result.ok) throw new RefusedChange(result.error, result.code);
      return result.data;
    },
    onSuccess: (_data, { milestoneId, status }) => ledger.current.succeed(milestoneId, status),
    onError: (error, { change, ...failed }) => {
      const rollback = ledger.current.fail(failed.milestoneId, change);
      if (rollback === null) return;
      setStatusInCache(failed.milestoneId, rollback);
      setFailures((current) => new Map(current).set(failed.milestoneId, { ...failed, ...describeFailure(error) }));
    },
    onSettled: () => {
      // Refetch once the last change of a burst has settled, so quick ticks never flicker.
      if (queryClient.isMutating({ mutationKey }) === 1) void queryClient.invalidateQueries({ queryKey });
    },
  });

  // Synchronous on purpose: the tick must show in the same frame as the click, so the cache is
  // written here rather than in an async onMutate. A refetch already on its way is cancelled
  // without reverting, so it can neither overwrite nor undo the optimistic value.
  const setStatus = ({ milestoneId, status, title }: StatusChange) => {
    void queryClient.cancelQueries({ queryKey }, { revert: false, silent: true });
    forget(milestoneId);
    const shown = statusOf(queryClient.getQueryData<RoadmapProgressData>(queryKey)?.statuses ?? {}, milestoneId);
    const change = ledger.current.begin(milestoneId, shown);
    setStatusInCache(milestoneId, status);
    mutation.mutate({ milestoneId, status, title, change });
  };

  return {
    setStatus,
    failures: [...failures.values()],
    retry: ({ milestoneId, status, title }: FailedChange) => setStatus({ milestoneId, status, title }),
    dismiss: forget,
  };
}
