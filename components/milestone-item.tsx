"use client";

import { lazy, Suspense, type ReactNode } from "react";
import { LazyDetails } from "./ui/lazy-details";
import { MilestoneResources } from "./milestone-resources";
import { LocalTime } from "./ui/local-time";
import { STATUS_LABELS, MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/progress-math";
import type { MilestoneView } from "@/lib/data/roadmaps";

type MilestoneItemProps = {
  milestone: MilestoneView;
  status: MilestoneStatus;
  retired?: boolean;
  disabled?: boolean;
  /** The milestone the keyboard shortcuts act on. */
  active?: boolean;
  onActivate?: () => void;
  onDeactivate?: () => void;
  /** Without it the milestone is read-only, as a mentor sees a mentee's roadmap. */
  onChange?: (status: MilestoneStatus) => void;
  /** When the learner started and finished it, as ISO instants. */
  dates?: { startedAt: string | null; completedAt: string | null } | undefined;
  /** A message about the last change of this milestone, shown under its title. */
  alert?: ReactNode;
  /** Feedback and review marks, shown under the milestone. */
  children?: ReactNode;
};

// The Markdown renderer is a third of the page's script: it loads when a milestone's details first open,
// showing the description as plain text until then.
const NoteMarkdown = lazy(() => import("./note-markdown").then((module) => ({ default: module.NoteMarkdown })));

const STATUS_BADGE: Record<MilestoneStatus, string> = {
  not_started: "",
  in_progress: "bg-amber-100 text-amber-900",
  done: "bg-emerald-100 text-emerald-900",
  skipped: "bg-slate-200 text-slate-800",
};

export function MilestoneItem({
  milestone,
  status,
  retired = false,
  disabled = false,
  onChange,
  dates,
  active = false,
  onActivate,
  onDeactivate,
  alert,
  children,
}: MilestoneItemProps) {
  const readOnly = onChange === undefined;
  const checkboxId = `milestone-${milestone.id}`;
  return (
    <li
      id={milestone.slug}
      onFocus={onActivate}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onDeactivate?.();
      }}
      className={`scroll-mt-24 rounded-lg border bg-white p-3 sm:p-4 ${active ? "border-indigo-600 ring-2 ring-indigo-600" : "border-slate-200"}`}
    >
      <div className="flex flex-wrap items-start gap-3">
        <input
          id={checkboxId}
          data-milestone-id={milestone.id}
          type="checkbox"
          checked={status === "done"}
          disabled={disabled || readOnly}
          onChange={(event) => onChange?.(event.target.checked ? "done" : "not_started")}
          className="mt-1 size-5 shrink-0 accent-emerald-700"
        />
        <label
          htmlFor={checkboxId}
          className={`min-w-0 flex-1 cursor-pointer font-medium ${status === "done" ? "text-slate-600 line-through decoration-slate-400" : ""} ${status === "skipped" ? "text-slate-600" : ""}`}
        >
          {milestone.title}
        </label>
        {retired ? (
          <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">Retired</span>
        ) : null}
        <select
          aria-label={`Status: ${milestone.title}`}
          value={status}
          disabled={disabled || readOnly}
          onChange={(event) => onChange?.(event.target.value as MilestoneStatus)}
          className={`rounded-md border border-slate-400 bg-white px-2 py-1 text-sm disabled:cursor-not-allowed disabled:appearance-none disabled:border-dashed disabled:opacity-70 ${STATUS_BADGE[status]}`}
        >
          {MILESTONE_STATUSES.map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      {alert}
      {dates?.startedAt || dates?.completedAt ? (
        <p className="mt-1 pl-8 text-xs text-slate-600">
          {dates.startedAt ? (
            <>
              Started <LocalTime value={new Date(dates.startedAt)} />
            </>
          ) : null}
          {dates.startedAt && dates.completedAt ? " · " : null}
          {dates.completedAt ? (
            <>
              Finished <LocalTime value={new Date(dates.completedAt)} />
            </>
          ) : null}
        </p>
      ) : null}
      <LazyDetails
        id={`details-${milestone.id}`}
        className="group mt-2 pl-8"
        summary={
          <summary className="cursor-pointer text-sm font-medium text-indigo-700 underline-offset-4 hover:underline">
            Details<span className="sr-only"> about {milestone.title}</span>
          </summary>
        }
      >
        <div className="mt-3 space-y-3 text-sm text-slate-800">
          {milestone.description ? (
            <Suspense fallback={<p className="whitespace-pre-line">{milestone.description}</p>}>
              <NoteMarkdown body={milestone.description} />
            </Suspense>
          ) : null}
          <p>
            <strong className="font-semibold">Why it matters: </strong>
            {milestone.whyItMatters}
          </p>
          <TagList label="Skills" items={milestone.skills} />
          <TagList label="Tools" items={milestone.tools} />
          <MilestoneResources resources={milestone.resources} />
          {milestone.practice ? (
            <div>
              <h3 className="font-semibold">Practice idea</h3>
              <p className="mt-1">{milestone.practice}</p>
            </div>
          ) : null}
          {milestone.doneWhen.length > 0 ? (
            <div>
              <h3 className="font-semibold">Done when</h3>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {milestone.doneWhen.map((check, index) => (
                  <li key={index}>{check}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </LazyDetails>
      {children}
    </li>
  );
}

function TagList({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3 className="font-semibold">{label}</h3>
      <ul className="mt-1 flex flex-wrap gap-1.5">
        {items.map((item) => (
          <li key={item} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-800">
            {item}
          </li>
        ))}
      </ul>
    </div>
  );
}
