import type { SharedProgress as SharedProgressData } from "@/lib/data/share-links";
import { formatStageWindow, STATUS_LABELS, statusOf, summarizeRoadmap, outlineOf } from "@/lib/domain/progress-math";
import { EvidenceList } from "./evidence-list";
import { OverallProgress } from "./overall-progress";
import { ProgressBar } from "./ui/progress-bar";

type SharedProgressProps = { shared: Extract<SharedProgressData, { state: "shared" }> };

const STATUS_MARK = {
  done: { symbol: "✓", className: "bg-emerald-100 text-emerald-900" },
  in_progress: { symbol: "…", className: "bg-amber-100 text-amber-900" },
  skipped: { symbol: "–", className: "bg-slate-200 text-slate-800" },
  not_started: { symbol: "", className: "border border-slate-300 text-slate-700" },
} as const;

/** A learner's progress as anyone with their public link sees it: read-only, no notes. */
export function SharedProgress({ shared }: SharedProgressProps) {
  const { roadmap, statuses, evidence, learnerName } = shared;
  const progress = summarizeRoadmap(outlineOf(roadmap.stages), statuses);
  return (
    <main className="flex flex-col gap-6">
      <header className="rounded-xl border border-slate-200 bg-white p-5">
        <p className="text-sm font-medium uppercase tracking-wide text-indigo-700">Shared progress</p>
        <h1 className="text-3xl font-bold tracking-tight">
          {learnerName} on the {roadmap.title} roadmap
        </h1>
        <OverallProgress counts={progress.overall} />
      </header>
      {roadmap.stages.map((stage) => {
        const counts = progress.stages[stage.id]!;
        return (
          <section
            key={stage.id}
            aria-labelledby={`stage-${stage.id}`}
            className="rounded-xl border border-slate-200 bg-white p-5"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`stage-${stage.id}`} className="text-xl font-bold">
                {stage.title}
              </h2>
              <p className="text-sm text-slate-700">{formatStageWindow(stage.startMonth, stage.endMonth)}</p>
            </div>
            <div className="mt-2 flex items-center gap-3">
              <ProgressBar label={`${stage.title} progress`} percent={counts.percent} size="sm" />
              <span className="w-24 text-right text-sm tabular-nums">
                {counts.done} of {counts.total}
              </span>
            </div>
            <ul className="mt-3 flex flex-col gap-2">
              {stage.milestones.map((milestone) => {
                const status = statusOf(statuses, milestone.id);
                const links = evidence?.[milestone.id] ?? [];
                return (
                  <li key={milestone.id} className="flex flex-col gap-1">
                    <div className="flex items-start gap-2">
                      <span
                        aria-hidden="true"
                        className={`mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded text-xs font-bold ${STATUS_MARK[status].className}`}
                      >
                        {STATUS_MARK[status].symbol}
                      </span>
                      <span className={status === "done" ? "text-slate-900" : "text-slate-700"}>{milestone.title}</span>
                      <span className="ml-auto shrink-0 text-sm text-slate-700">{STATUS_LABELS[status]}</span>
                    </div>
                    <EvidenceList milestoneTitle={milestone.title} links={links} className="ml-7" />
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      <p className="text-sm text-slate-700">
        This page is published by the learner and can be withdrawn by them at any time. Waymark is a roadmap tracker for
        people learning backend development.
      </p>
    </main>
  );
}
