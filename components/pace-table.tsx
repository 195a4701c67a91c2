import type { ReactNode } from "react";
import {
  describeProjectionNeeds,
  PACE_LABELS,
  type PaceStatus,
  type RoadmapPace,
  type StagePace,
} from "@/lib/domain/pace";

const STATUS_STYLE: Record<PaceStatus, string> = {
  not_started: "bg-slate-100 text-slate-800",
  behind: "bg-red-100 text-red-900",
  on_track: "bg-sky-100 text-sky-900",
  ahead: "bg-emerald-100 text-emerald-900",
  complete: "bg-emerald-100 text-emerald-900",
};

/** Exactly the wording the issue asked for: a projection waits for enough evidence. */
export const TOO_EARLY_TO_PROJECT = "Too early to project";

export function formatDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });
}

function Day({ day }: { day: string }) {
  return <time dateTime={day}>{formatDay(day)}</time>;
}

export function PaceBadge({ status }: { status: PaceStatus }) {
  return (
    <span className={`whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[status]}`}>
      {PACE_LABELS[status]}
    </span>
  );
}

/** The one start date, in the same words wherever it is shown. */
export function PaceStart({ pace }: { pace: RoadmapPace }) {
  return (
    <>
      {pace.start > pace.today ? "Starts" : "Started"} <Day day={pace.start} />
    </>
  );
}

function ProjectedFinish({ pace }: { pace: StagePace }) {
  switch (pace.projection) {
    case "finished":
      return <>Finished</>;
    case "not_started":
      return <span className="text-slate-600">No date until started</span>;
    case "too_early":
      return <span className="text-slate-600">{TOO_EARLY_TO_PROJECT}</span>;
    case "projected":
      return <Day day={pace.projectedFinish!} />;
  }
}

/**
 * The whole roadmap in a sentence: where the pace is measured from, its status, and either its
 * projected finish or what a projection still needs.
 */
export function PaceSummary({ pace, targetDate }: { pace: RoadmapPace; targetDate: string | null }) {
  const needs = describeProjectionNeeds(pace.needs);
  const { overall } = pace;
  return (
    <div className="flex flex-col gap-1 text-sm text-slate-700">
      <p>
        Measured from your start, <Day day={pace.start} />, against the stage windows
        {targetDate ? (
          <>
            , stretched to finish by <Day day={targetDate} />
          </>
        ) : null}
        . Whole roadmap: <PaceBadge status={overall.status} />
      </p>
      {overall.projection === "projected" ? (
        <p>
          At your recent pace you would finish on <Day day={overall.projectedFinish!} />; the plan says{" "}
          <Day day={overall.plannedEnd} />.
        </p>
      ) : overall.projection === "too_early" ? (
        <p>
          <strong className="font-semibold text-slate-900">{TOO_EARLY_TO_PROJECT}.</strong> {needs}
        </p>
      ) : null}
    </div>
  );
}

/** `note`: said under the stage's name, such as how a stage without a time window is planned. */
type PaceRow = { title: string; note?: string; pace: StagePace };

function RowTitle({ title, note }: { title: string; note?: string }) {
  return (
    <>
      {title}
      {note ? <span className="block text-xs font-normal text-slate-600">{note}</span> : null}
    </>
  );
}

type Cell = { label: string; render: (pace: StagePace) => ReactNode; numeric?: boolean };

/** On a card the badge sits by the stage's name instead. */
const PACE_CELL: Cell = { label: "Pace", render: (pace) => <PaceBadge status={pace.status} /> };

const CELLS: Cell[] = [
  { label: "Expected by today", render: (pace) => `${pace.expectedPercent}%`, numeric: true },
  { label: "Done or skipped", render: (pace) => `${pace.actualPercent}%`, numeric: true },
  PACE_CELL,
  { label: "Planned finish", render: (pace) => <Day day={pace.plannedEnd} /> },
  { label: "Projected finish", render: (pace) => <ProjectedFinish pace={pace} /> },
];

/**
 * Expected against actual progress today, per stage and overall, with a projected finish: a
 * table where there is room for six columns, one card per stage on a phone.
 */
export function PaceTable({ rows, overall }: { rows: PaceRow[]; overall: StagePace }) {
  const all: PaceRow[] = [...rows, { title: "Whole roadmap", pace: overall }];
  return (
    <>
      <ul aria-label="Your pace against the stage windows" className="grid gap-2 md:hidden">
        {all.map(({ title, note, pace }) => (
          <li key={pace.id} className="rounded-lg border border-slate-200 p-3">
            <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
              <h4 className="font-medium">
                <RowTitle title={title} note={note} />
              </h4>
              <PaceBadge status={pace.status} />
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-2 text-sm">
              {CELLS.filter((cell) => cell !== PACE_CELL).map((cell) => (
                <div key={cell.label}>
                  <dt className="text-xs text-slate-600">{cell.label}</dt>
                  <dd className={cell.numeric ? "tabular-nums" : undefined}>{cell.render(pace)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your pace against the stage windows</caption>
          <thead className="border-b border-slate-200 text-slate-700">
            <tr>
              <th scope="col" className="py-2 pr-3 font-semibold">
                Stage
              </th>
              {CELLS.map((cell) => (
                <th key={cell.label} scope="col" className="py-2 pr-3 font-semibold last:pr-0">
                  {cell.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {all.map(({ title, note, pace }) => (
              <tr key={pace.id} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-2 pr-3 font-medium">
                  <RowTitle title={title} note={note} />
                </th>
                {CELLS.map((cell) => (
                  <td key={cell.label} className={`py-2 pr-3 last:pr-0 ${cell.numeric ? "tabular-nums" : ""}`}>
                    {cell.render(pace)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
