import type { ReactNode } from "react";
import type { StageView } from "@/lib/data/roadmaps";
import { formatStageWindow, type ProgressCounts } from "@/lib/domain/progress-math";
import { ProgressBar } from "./ui/progress-bar";

type StageSectionProps = {
  stage: StageView;
  index: number;
  progress: ProgressCounts;
  children: ReactNode;
  /** h3 where the roadmap itself has an h2 above the stages. */
  headingLevel?: "h2" | "h3";
};

/** One stage of a roadmap: its heading with the time window, its progress, then its milestones. */
export function StageSection({ stage, index, progress, children, headingLevel: Heading = "h2" }: StageSectionProps) {
  return (
    <section aria-labelledby={`stage-${stage.slug}`} className="flex flex-col gap-3">
      <div className="rounded-xl border border-slate-200 bg-white p-4">
        <Heading id={`stage-${stage.slug}`} className="text-xl font-bold">
          <span className="text-slate-600">Stage {index + 1}: </span>
          {stage.title}{" "}
          <span className="font-medium text-slate-600">({formatStageWindow(stage.startMonth, stage.endMonth)})</span>
        </Heading>
        <p className="mt-1 text-slate-700">{stage.summary}</p>
        <div className="mt-3 flex items-center gap-3">
          <ProgressBar label={`${stage.title} progress`} percent={progress.percent} size="sm" />
          <span className="w-12 text-right text-sm font-semibold tabular-nums">{progress.percent}%</span>
        </div>
        <p className="mt-1 text-sm text-slate-700">
          {progress.done} of {progress.total} done
          {progress.skipped > 0 ? ` · ${progress.skipped} skipped` : ""}
        </p>
      </div>
      <ol className="flex flex-col gap-2">{children}</ol>
    </section>
  );
}
