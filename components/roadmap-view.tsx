"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { RoadmapView as Roadmap } from "@/lib/data/roadmaps";
import { formatStageWindow, outlineOf, statusOf, summarizeRoadmap, type MilestoneStatus } from "@/lib/progress";
import { roadmapStatusesQuery } from "@/lib/queries";
import { MilestoneItem } from "./milestone-item";
import { ProgressBar } from "./ui/progress-bar";
import { useHydrated } from "./use-hydrated";
import { useSetMilestoneStatus } from "./use-set-milestone-status";

type RoadmapViewProps = { roadmap: Roadmap; signedIn: boolean };

export function RoadmapView({ roadmap, signedIn }: RoadmapViewProps) {
  const statusesQuery = useQuery({ ...roadmapStatusesQuery(roadmap.slug), enabled: signedIn });
  const statuses = statusesQuery.data ?? {};
  const { setStatus, failed, retry, dismiss } = useSetMilestoneStatus(roadmap.slug);
  const [signInPrompt, setSignInPrompt] = useState<string | null>(null);
  const hydrated = useHydrated();

  const progress = summarizeRoadmap(outlineOf(roadmap.stages), statuses);

  const change = (milestone: { id: string; title: string; slug: string }) => (status: MilestoneStatus) => {
    if (!signedIn) {
      setSignInPrompt(milestone.slug);
      return;
    }
    setStatus({ milestoneId: milestone.id, status, title: milestone.title });
  };
  const returnTo = encodeURIComponent(`/roadmaps/${roadmap.slug}${signInPrompt ? `#${signInPrompt}` : ""}`);

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="overall-heading" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="overall-heading" className="text-lg font-semibold">
          Your progress
        </h2>
        <div className="mt-3 flex items-center gap-3">
          <ProgressBar label="Overall progress" percent={progress.overall.percent} />
          <span className="w-12 text-right font-semibold tabular-nums">{progress.overall.percent}%</span>
        </div>
        <p className="mt-2 text-sm text-slate-700">
          {progress.overall.done} of {progress.overall.total} done · {progress.overall.inProgress} in progress ·{" "}
          {progress.overall.skipped} skipped
        </p>
        {!signedIn ? (
          <p className="mt-3 text-sm text-slate-700">
            <Link href={`/sign-in?next=${returnTo}`} className="font-medium text-indigo-700 underline underline-offset-4">
              Sign in
            </Link>{" "}
            or{" "}
            <Link href={`/sign-up?next=${returnTo}`} className="font-medium text-indigo-700 underline underline-offset-4">
              create an account
            </Link>{" "}
            to save your progress.
          </p>
        ) : null}
      </section>

      <div aria-live="polite" className="empty:hidden">
        {signInPrompt ? (
          <div role="alert" className="flex flex-wrap items-center gap-3 rounded-lg border border-indigo-300 bg-indigo-50 px-4 py-3 text-indigo-950">
            <p className="flex-1">Sign in to save your progress. Nothing was saved.</p>
            <Link href={`/sign-in?next=${returnTo}`} className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white">
              Sign in
            </Link>
            <Link href={`/sign-up?next=${returnTo}`} className="text-sm font-medium underline underline-offset-4">
              Create an account
            </Link>
          </div>
        ) : null}
        {failed ? (
          <div role="alert" className="flex flex-wrap items-center gap-3 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-red-900">
            <p className="flex-1">
              Couldn&apos;t save “{failed.title}”: {failed.message} Your change was undone.
            </p>
            <button type="button" onClick={retry} className="rounded-md bg-red-800 px-3 py-1.5 text-sm font-medium text-white">
              Try again
            </button>
            <button type="button" onClick={dismiss} className="text-sm font-medium underline underline-offset-4">
              Dismiss
            </button>
          </div>
        ) : null}
        {statusesQuery.isError && !statusesQuery.data ? (
          <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-red-900">
            We couldn&apos;t load your progress. Reload the page to try again.
          </p>
        ) : null}
      </div>

      {roadmap.stages.map((stage, index) => {
        const stageProgress = progress.stages[stage.id]!;
        const window = formatStageWindow(stage.startMonth, stage.endMonth);
        return (
          <section key={stage.id} aria-labelledby={`stage-${stage.slug}`} className="flex flex-col gap-3">
            <div className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
              <h2 id={`stage-${stage.slug}`} className="text-xl font-bold">
                <span className="text-slate-600">Stage {index + 1}: </span>
                {stage.title} <span className="font-medium text-slate-600">({window})</span>
              </h2>
              <p className="mt-1 text-slate-700">{stage.summary}</p>
              <div className="mt-3 flex items-center gap-3">
                <ProgressBar label={`${stage.title} progress`} percent={stageProgress.percent} size="sm" />
                <span className="w-12 text-right text-sm font-semibold tabular-nums">{stageProgress.percent}%</span>
              </div>
              <p className="mt-1 text-sm text-slate-700">
                {stageProgress.done} of {stageProgress.total} done
                {stageProgress.skipped > 0 ? ` · ${stageProgress.skipped} skipped` : ""}
              </p>
            </div>
            <ol className="flex flex-col gap-2">
              {stage.milestones.map((milestone) => (
                <MilestoneItem
                  key={milestone.id}
                  milestone={milestone}
                  status={statusOf(statuses, milestone.id)}
                  disabled={!hydrated}
                  onChange={change(milestone)}
                />
              ))}
            </ol>
          </section>
        );
      })}

      {roadmap.retired.length > 0 ? (
        <section aria-labelledby="retired-heading" className="flex flex-col gap-3">
          <div>
            <h2 id="retired-heading" className="text-xl font-bold">
              Retired milestones
            </h2>
            <p className="text-slate-700">
              These are no longer part of the roadmap. Your progress on them is kept, and they do not count towards your
              percentages.
            </p>
          </div>
          <ol className="flex flex-col gap-2">
            {roadmap.retired.map((milestone) => (
              <MilestoneItem
                key={milestone.id}
                milestone={milestone}
                status={statusOf(statuses, milestone.id)}
                retired
                disabled={!hydrated}
                onChange={change(milestone)}
              />
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
