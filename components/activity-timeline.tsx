import Link from "next/link";
import { undoLastChangeAction } from "@/lib/actions/progress";
import type { TimelineItem } from "@/lib/data/insight";
import { describeChange } from "@/lib/domain/history";
import { ActionButton } from "./ui/action-button";
import { LocalTime } from "./ui/local-time";

/** Recent changes in words, newest first, with an undo for the latest one. */
export function ActivityTimeline({
  items,
  undoableEventId,
}: {
  items: TimelineItem[];
  undoableEventId: number | null;
}) {
  if (items.length === 0)
    return <p className="text-sm text-slate-700">No changes yet. Tick off a milestone to start your history.</p>;
  return (
    <ol className="flex flex-col gap-2">
      {items.map((item) => (
        <li
          key={item.id}
          className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm"
        >
          <span>
            <Link
              href={`/roadmaps/${item.roadmapSlug}#${item.milestoneSlug}`}
              className="font-medium text-indigo-800 underline underline-offset-4"
            >
              {describeChange(item.milestoneTitle, item.toStatus)}
            </Link>{" "}
            <span className="text-slate-600">
              <LocalTime value={item.at} withTime />
            </span>
          </span>
          {item.id === undoableEventId ? (
            <ActionButton action={undoLastChangeAction} input={{ eventId: item.id }} pendingLabel="Undoing…">
              Undo<span className="sr-only"> “{describeChange(item.milestoneTitle, item.toStatus)}”</span>
            </ActionButton>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
