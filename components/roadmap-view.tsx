"use client";

import Link from "next/link";
import { useState } from "react";
import type { MilestoneFeedback as MilestoneFeedbackData } from "@/lib/data/feedback";
import type { RoadmapView as Roadmap } from "@/lib/data/roadmaps";
import { outlineOf, statusOf, summarizeRoadmap, type MilestoneStatus } from "@/lib/progress";
import { MilestoneFeedback } from "./milestone-feedback";
import { MilestoneItem } from "./milestone-item";
import { OverallProgress } from "./overall-progress";
import { StageSection } from "./stage-section";
import { useHydrated } from "./use-hydrated";
import { useRoadmapStatuses, useSetMilestoneStatus, type FailedChange } from "./use-set-milestone-status";

type RoadmapViewProps = { roadmap: Roadmap; viewerId: string | null; feedback?: MilestoneFeedbackData };

function focusMilestone(milestoneId: string) {
  document.getElementById(`milestone-${milestoneId}`)?.focus();
}

export function RoadmapView({ roadmap, viewerId, feedback }: RoadmapViewProps) {
  const signedIn = viewerId !== null;
  const { statuses, dates, loadFailed } = useRoadmapStatuses(roadmap.slug, viewerId);
  const { setStatus, failures, retry, dismiss } = useSetMilestoneStatus(roadmap.slug, viewerId ?? "anonymous");
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
        <OverallProgress counts={progress.overall} />
        {!signedIn ? (
          <p className="mt-3 text-sm text-slate-700">
            <Link
              href={`/sign-in?next=${returnTo}`}
              className="font-medium text-indigo-700 underline underline-offset-4"
            >
              Sign in
            </Link>{" "}
            or{" "}
            <Link
              href={`/sign-up?next=${returnTo}`}
              className="font-medium text-indigo-700 underline underline-offset-4"
            >
              create an account
            </Link>{" "}
            to save your progress.
          </p>
        ) : null}
      </section>

      <div className="flex flex-col gap-3 empty:hidden">
        {signInPrompt ? (
          <div
            role="alert"
            className="flex flex-wrap items-center gap-3 rounded-lg border border-indigo-300 bg-indigo-50 px-4 py-3 text-indigo-950"
          >
            <p className="flex-1">Sign in to save your progress. Nothing was saved.</p>
            <Link
              href={`/sign-in?next=${returnTo}`}
              className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white"
            >
              Sign in
            </Link>
            <Link href={`/sign-up?next=${returnTo}`} className="text-sm font-medium underline underline-offset-4">
              Create an account
            </Link>
          </div>
        ) : null}
        {failures.map((failed) => (
          <FailedChangeAlert
            key={failed.milestoneId}
            failed={failed}
            signInHref={`/sign-in?next=${encodeURIComponent(`/roadmaps/${roadmap.slug}`)}`}
            onRetry={() => {
              retry(failed);
              focusMilestone(failed.milestoneId);
            }}
            onDismiss={() => {
              dismiss(failed.milestoneId);
              focusMilestone(failed.milestoneId);
            }}
          />
        ))}
        {loadFailed ? (
          <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-red-900">
            We couldn&apos;t load your progress. Reload the page to try again.
          </p>
        ) : null}
      </div>

      {roadmap.stages.map((stage, index) => (
        <StageSection key={stage.id} stage={stage} index={index} progress={progress.stages[stage.id]!}>
          {stage.milestones.map((milestone) => (
            <MilestoneItem
              key={milestone.id}
              milestone={milestone}
              status={statusOf(statuses, milestone.id)}
              dates={dates[milestone.id]}
              disabled={!hydrated}
              onChange={change(milestone)}
            >
              {viewerId && feedback ? (
                <MilestoneFeedback
                  learnerId={viewerId}
                  milestone={milestone}
                  threads={feedback.threads[milestone.id] ?? []}
                  reviews={feedback.reviews[milestone.id] ?? []}
                  as="learner"
                  milestoneDone={statusOf(statuses, milestone.id) === "done"}
                />
              ) : null}
            </MilestoneItem>
          ))}
        </StageSection>
      ))}

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

type FailedChangeAlertProps = { failed: FailedChange; signInHref: string; onRetry: () => void; onDismiss: () => void };

function FailedChangeAlert({ failed, signInHref, onRetry, onDismiss }: FailedChangeAlertProps) {
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-red-900"
    >
      <p className="flex-1">
        Couldn&apos;t save “{failed.title}”: {failed.message} Your change was undone.
      </p>
      {failed.code === "UNAUTHENTICATED" ? (
        <Link href={signInHref} className="rounded-md bg-red-800 px-3 py-1.5 text-sm font-medium text-white">
          Sign in again
        </Link>
      ) : (
        <button
          type="button"
          onClick={onRetry}
          className="rounded-md bg-red-800 px-3 py-1.5 text-sm font-medium text-white"
        >
          Try again
        </button>
      )}
      <button type="button" onClick={onDismiss} className="text-sm font-medium underline underline-offset-4">
        Dismiss
      </button>
    </div>
  );
}
