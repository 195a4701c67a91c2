import type { ReactNode } from "react";
import type { ProgressCounts } from "@/lib/domain/progress-math";
import { ProgressBar } from "./ui/progress-bar";

type OverallProgressProps = {
  counts: ProgressCounts;
  extra?: string | null;
  /** Shown on the bar's line instead of above it, where height is short (the roadmap's first screen). */
  heading?: ReactNode;
};

/** The "Overall progress" bar with its percentage and the counts behind it. */
export function OverallProgress({ counts, extra, heading }: OverallProgressProps) {
  return (
    <>
      <div className={`flex items-center gap-3 ${heading ? "" : "mt-3"}`}>
        {heading}
        <ProgressBar label="Overall progress" percent={counts.percent} />
        <span className="w-12 text-right font-semibold tabular-nums">{counts.percent}%</span>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        {counts.done} of {counts.total} done · {counts.inProgress} in progress · {counts.skipped} skipped
        {extra ? ` · ${extra}` : ""}
      </p>
    </>
  );
}
