"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import type { MilestoneFeedback as MilestoneFeedbackData } from "@/lib/data/feedback";
import type { RoadmapView as Roadmap } from "@/lib/data/roadmaps";
import {
  FILTER_LABELS,
  MILESTONE_FILTERS,
  milestoneMatches,
  milestoneQueryString,
  visibleStages,
  type MilestoneQuery,
} from "@/lib/domain/milestone-filter";
import { outlineOf, STATUS_LABELS, statusOf, summarizeRoadmap, type MilestoneStatus } from "@/lib/domain/progress-math";
import { MilestoneEvidence } from "./milestone-evidence";
import { MilestoneFeedback } from "./milestone-feedback";
import { MilestoneItem } from "./milestone-item";
import { MilestoneNote } from "./milestone-note";
import { OverallProgress } from "./overall-progress";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { StageSection } from "./stage-section";
import { useMilestoneKeyboard } from "./use-milestone-keyboard";
import { usePageWideShortcuts } from "./use-page-wide-shortcuts";
import { useRoadmapNotebook } from "./use-roadmap-notebook";
import { useHydrated } from "./use-hydrated";
import { useRoadmapStatuses, useSetMilestoneStatus } from "./use-set-milestone-status";
import { FailedChangeAlert, UnsavedChangesSummary } from "./failed-change-alert";
import { Alert } from "./ui/alert";

type RoadmapViewProps = {
  roadmap: Roadmap;
  viewerId: string | null;
  feedback?: MilestoneFeedbackData;
  /** The filter and search the address asked for. */
  initialQuery: MilestoneQuery;
};

function focusMilestone(milestoneId: string) {
  document.getElementById(`milestone-${milestoneId}`)?.focus();
}

export function RoadmapView({ roadmap, viewerId, feedback, initialQuery }: RoadmapViewProps) {
  const signedIn = viewerId !== null;
  const { statuses, dates, loadFailed } = useRoadmapStatuses(roadmap.slug, viewerId);
  const { setStatus, failures, retry, dismiss } = useSetMilestoneStatus(roadmap.slug, viewerId ?? "anonymous");
  const [signInPrompt, setSignInPrompt] = useState<string | null>(null);
  const hydrated = useHydrated();
  const notebook = useRoadmapNotebook(roadmap.slug, viewerId);

  const progress = summarizeRoadmap(outlineOf(roadmap.stages), statuses);
  const [query, setQuery] = useState(initialQuery);
  const { filter, search } = query;
  const [activeId, setActiveId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const shortcuts = useRef<HTMLDialogElement>(null);
  const [pageWideShortcuts, setPageWideShortcuts] = usePageWideShortcuts();

  // Replaced, not pushed: Back leaves the roadmap instead of stepping through every keystroke.
  const changeQuery = (change: Partial<MilestoneQuery>) => {
    const next = { ...query, ...change };
    setQuery(next);
    window.history.replaceState(
      null,
      "",
      `${window.location.pathname}${milestoneQueryString(next)}${window.location.hash}`,
    );
  };

  const shownStages = visibleStages(roadmap.stages, statuses, query);
  const visibleIds = shownStages.flatMap(({ milestones }) => milestones.map((milestone) => milestone.id));
  const milestoneById = new Map(roadmap.stages.flatMap((stage) => stage.milestones.map((m) => [m.id, m])));

  const notebookFor = (milestone: { id: string; title: string }) =>
    notebook.data ? (
      <>
        <MilestoneNote
          milestone={milestone}
          stored={notebook.data.notes[milestone.id]}
          onSaved={(note) => notebook.noteSaved(milestone.id, note)}
        />
        <MilestoneEvidence
          milestone={milestone}
          links={notebook.data.evidence[milestone.id] ?? []}
          onAdded={(link) => notebook.evidenceAdded(milestone.id, link)}
          onRemoved={(linkId) => notebook.evidenceRemoved(milestone.id, linkId)}
        />
      </>
    ) : null;

  const change = (milestone: { id: string; title: string; slug: string }) => (status: MilestoneStatus) => {
    if (!signedIn) {
      setSignInPrompt(milestone.slug);
      return;
    }
    setStatus({ milestoneId: milestone.id, status, title: milestone.title });
  };
  const returnTo = encodeURIComponent(`/roadmaps/${roadmap.slug}${signInPrompt ? `#${signInPrompt}` : ""}`);

  const failureById = new Map(failures.map((failed) => [failed.milestoneId, failed]));
  const signInHref = `/sign-in?next=${encodeURIComponent(`/roadmaps/${roadmap.slug}`)}`;
  // The message about a change goes inside its milestone: on a phone the top of the page is far away.
  const alertFor = (milestone: { id: string; slug: string }) => {
    if (signInPrompt === milestone.slug) return <SignInInvitation returnTo={returnTo} />;
    const failed = failureById.get(milestone.id);
    if (!failed) return undefined;
    return (
      <FailedChangeAlert
        failed={failed}
        signInHref={signInHref}
        onRetry={() => {
          retry(failed);
          focusMilestone(failed.milestoneId);
        }}
        onDismiss={() => {
          dismiss(failed.milestoneId);
          focusMilestone(failed.milestoneId);
        }}
      />
    );
  };
  useMilestoneKeyboard({
    visibleIds,
    onMove: focusMilestone,
    onStatus: (milestoneId, status) => {
      const milestone = milestoneById.get(milestoneId);
      if (!milestone) return;
      // Under a filter the change may hide this milestone: keep focus in the list, on its neighbour.
      if (!milestoneMatches(milestone, { ...statuses, [milestoneId]: status }, filter, search)) {
        const index = visibleIds.indexOf(milestoneId);
        const neighbour = visibleIds[index + 1] ?? visibleIds[index - 1];
        if (neighbour) requestAnimationFrame(() => focusMilestone(neighbour));
      }
      change(milestone)(status);
      if (signedIn) setAnnouncement(`${milestone.title}: ${STATUS_LABELS[status]}`);
    },
    onToggleDetails: (milestoneId) => {
      const details = document.getElementById(`details-${milestoneId}`);
      if (details instanceof HTMLDetailsElement) details.open = !details.open;
    },
    onHelp: () => shortcuts.current?.showModal(),
    pageWide: pageWideShortcuts,
  });

  const firstVisible = visibleIds[0] && milestoneById.get(visibleIds[0]);

  return (
    <div className="relative flex flex-col gap-4">
      {firstVisible ? (
        <a
          href={`#${firstVisible.slug}`}
          onClick={(event) => {
            // The fragment only scrolls; focusing the checkbox puts the milestone shortcuts in reach.
            event.preventDefault();
            focusMilestone(firstVisible.id);
          }}
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to milestones
        </a>
      ) : null}
      <section aria-labelledby="overall-heading" className="rounded-xl border border-slate-200 bg-white p-4">
        <OverallProgress
          counts={progress.overall}
          heading={
            <h2 id="overall-heading" className="shrink-0 font-semibold">
              Your progress
            </h2>
          }
        />
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
        {loadFailed ? (
          <Alert variant="banner">We couldn&apos;t load your progress. Reload the page to try again.</Alert>
        ) : null}
      </div>

      <section
        aria-label="Find milestones"
        className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4"
      >
        <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
          <fieldset>
            <legend className="text-sm font-medium">Show</legend>
            <div className="mt-1 flex flex-wrap gap-1">
              {MILESTONE_FILTERS.map((value) => (
                <label
                  key={value}
                  className="cursor-pointer rounded-md border border-slate-400 px-3 py-1 text-sm has-checked:border-indigo-700 has-checked:bg-indigo-700 has-checked:text-white has-focus-visible:outline-3 has-focus-visible:outline-indigo-600"
                >
                  <input
                    type="radio"
                    name="milestone-filter"
                    value={value}
                    checked={filter === value}
                    onChange={() => changeQuery({ filter: value })}
                    className="sr-only"
                  />
                  {filter === value ? <span aria-hidden="true">✓ </span> : null}
                  {FILTER_LABELS[value]}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="flex min-w-48 flex-1 flex-col gap-1">
            <label htmlFor="milestone-search" className="text-sm font-medium">
              Search milestones
            </label>
            <input
              id="milestone-search"
              type="search"
              value={search}
              onChange={(event) => changeQuery({ search: event.target.value })}
              placeholder="Title, description or skill"
              className="rounded-md border border-slate-400 bg-white px-3 py-1.5"
            />
          </div>
        </div>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p role="status" className="text-sm text-slate-700">
            {visibleIds.length === milestoneById.size
              ? `Showing all ${visibleIds.length} milestones.`
              : `Showing ${visibleIds.length} of ${milestoneById.size} milestones.`}
          </p>
          <button
            type="button"
            onClick={() => shortcuts.current?.showModal()}
            className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
          >
            Keyboard shortcuts <kbd aria-hidden="true">?</kbd>
          </button>
        </div>
      </section>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <ShortcutsDialog ref={shortcuts} pageWide={pageWideShortcuts} onPageWideChange={setPageWideShortcuts} />

      {shownStages.length === 0 ? (
        <div className="flex flex-wrap items-center gap-3 rounded-xl border border-dashed border-slate-300 bg-white p-4 text-slate-700">
          <p>No milestone matches {describeQuery(query)}.</p>
          <button
            type="button"
            onClick={() => changeQuery({ filter: "all", search: "" })}
            className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
          >
            Show all milestones
          </button>
        </div>
      ) : null}
      {shownStages.map(({ stage, index, milestones }) => (
        <StageSection key={stage.id} stage={stage} index={index} progress={progress.stages[stage.id]!}>
          {milestones.map((milestone) => (
            <MilestoneItem
              key={milestone.id}
              milestone={milestone}
              status={statusOf(statuses, milestone.id)}
              dates={dates[milestone.id]}
              disabled={!hydrated}
              active={activeId === milestone.id}
              onActivate={() => setActiveId(milestone.id)}
              onDeactivate={() => setActiveId((current) => (current === milestone.id ? null : current))}
              onChange={change(milestone)}
              alert={alertFor(milestone)}
            >
              {notebookFor(milestone)}
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
                alert={alertFor(milestone)}
              >
                {notebookFor(milestone)}
              </MilestoneItem>
            ))}
          </ol>
        </section>
      ) : null}
      <UnsavedChangesSummary
        failures={failures}
        onRetryAll={() => {
          const retryable = failures.filter((failed) => failed.code !== "UNAUTHENTICATED");
          retryable.forEach(retry);
          if (retryable[0]) focusMilestone(retryable[0].milestoneId);
        }}
        onShow={(milestoneId) => {
          focusMilestone(milestoneId);
          document.getElementById(`milestone-${milestoneId}`)?.scrollIntoView({ block: "center" });
        }}
      />
    </div>
  );
}

function describeQuery({ filter, search }: MilestoneQuery): string {
  const words = search.trim() ? `“${search.trim()}”` : "";
  if (filter === "all") return words;
  return words ? `${words} under “${FILTER_LABELS[filter]}”` : `“${FILTER_LABELS[filter]}”`;
}

function SignInInvitation({ returnTo }: { returnTo: string }) {
  return (
    <Alert
      variant="invitation"
      className="mt-2 text-sm"
      actions={
        <>
          <Link
            href={`/sign-in?next=${returnTo}`}
            className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white"
          >
            Sign in
          </Link>
          <Link href={`/sign-up?next=${returnTo}`} className="text-sm font-medium underline underline-offset-4">
            Create an account
          </Link>
        </>
      }
    >
      Sign in to save your progress. Nothing was saved.
    </Alert>
  );
}
