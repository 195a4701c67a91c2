import type { ProgressCounts } from "@/lib/domain/progress-math";
import { ProgressBar } from "./ui/progress-bar";

/** The "Overall progress" bar with its percentage and the counts behind it. */
export function OverallProgress({ counts, extra }: { counts: ProgressCounts; extra?: string | null }) {
  return (
    <>
      <div className="mt-3 flex items-center gap-3">
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
