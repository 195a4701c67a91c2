import { followRoadmapAction, unfollowRoadmapAction } from "@/lib/actions/following";
import { ActionButton } from "./ui/action-button";

/** "Follow", for a roadmap the viewer doesn't follow yet; the title is said to screen readers where several are listed. */
export function FollowRoadmapButton({
  roadmapSlug,
  roadmapTitle,
  label = "Follow",
}: {
  roadmapSlug: string;
  roadmapTitle: string;
  label?: string;
}) {
  return (
    <ActionButton action={followRoadmapAction} input={{ roadmapSlug }} pendingLabel="Saving…" variant="primary">
      {label}
      <span className="sr-only"> {roadmapTitle}</span>
    </ActionButton>
  );
}

/** Whether the viewer follows the roadmap, with the button that changes it, for the roadmap's own page. */
export function FollowRoadmapPanel({
  roadmapSlug,
  roadmapTitle,
  following,
}: {
  roadmapSlug: string;
  roadmapTitle: string;
  following: boolean;
}) {
  if (!following) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <FollowRoadmapButton roadmapSlug={roadmapSlug} roadmapTitle={roadmapTitle} label="Follow roadmap" />
        <p className="text-sm text-slate-700">Following puts it on your dashboard, with your pace.</p>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p className="text-sm font-medium text-emerald-900">
        <span aria-hidden="true">✓ </span>You follow this roadmap.
      </p>
      <ActionButton
        action={unfollowRoadmapAction}
        input={{ roadmapSlug }}
        pendingLabel="Stopping…"
        confirm={{
          question: "Stop following? Your progress, notes and history on it are kept for when you follow it again.",
          yes: "Yes, stop following",
        }}
      >
        Stop following
      </ActionButton>
    </div>
  );
}
