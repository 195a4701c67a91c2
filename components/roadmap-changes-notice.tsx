import Link from "next/link";
import { acknowledgeRoadmapVersionAction } from "@/lib/actions/roadmap-versions";
import type { UnseenChanges } from "@/lib/data/roadmap-versions";
import { versionsPath } from "./roadmap-versions";
import { ActionButton } from "./ui/action-button";

/** On the roadmap page, for a learner who follows it: a new version was published since they last looked. */
export function RoadmapChangesNotice({ slug, changes }: { slug: string; changes: UnseenChanges }) {
  return (
    <section
      aria-labelledby="roadmap-changes-heading"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-indigo-300 bg-indigo-50 px-4 py-3 text-indigo-950"
    >
      <h2 id="roadmap-changes-heading" className="min-w-48 flex-1">
        This roadmap has changed since you last looked: {changes.summary}.
      </h2>
      <div className="flex flex-wrap items-center gap-3">
        <Link
          href={versionsPath(slug, { from: changes.from, to: changes.to })}
          className="font-medium text-indigo-800 underline underline-offset-2"
        >
          See what changed
        </Link>
        <ActionButton action={acknowledgeRoadmapVersionAction} input={{ roadmapSlug: slug }} pendingLabel="Saving…">
          Got it
        </ActionButton>
      </div>
    </section>
  );
}
