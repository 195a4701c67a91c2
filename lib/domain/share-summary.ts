import type { ProgressCounts } from "./progress-math";

/** The words a shared link previews with: who, which roadmap, and how far along. */
export function describeSharedProgress({
  learnerName,
  roadmapTitle,
  overall,
  currentStageTitle,
}: {
  learnerName: string;
  roadmapTitle: string;
  overall: ProgressCounts;
  currentStageTitle: string | null;
}): { title: string; description: string } {
  const counts = `${overall.done} of ${overall.total} milestones done (${overall.percent}%)`;
  const where =
    overall.total > 0 && overall.done + overall.skipped === overall.total
      ? "Roadmap complete."
      : currentStageTitle
        ? `Working on the ${currentStageTitle} stage.`
        : "";
  return {
    title: `${learnerName} on the ${roadmapTitle} roadmap`,
    description: [`${counts}.`, where].filter(Boolean).join(" "),
  };
}
