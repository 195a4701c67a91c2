import { PACE_LABELS, type PaceStatus, type StagePace } from "@/lib/domain/pace";

const STATUS_STYLE: Record<PaceStatus, string> = {
  not_started: "bg-slate-100 text-slate-800",
  behind: "bg-red-100 text-red-900",
  on_track: "bg-sky-100 text-sky-900",
  ahead: "bg-emerald-100 text-emerald-900",
  complete: "bg-emerald-100 text-emerald-900",
};

export function formatDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });
}

export function PaceBadge({ status }: { status: PaceStatus }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[status]}`}>
      {PACE_LABELS[status]}
    </span>
  );
}

type PaceRow = { title: string; pace: StagePace };

/** Expected against actual progress today, per stage and overall, with a projected finish. */
export function PaceTable({ rows, overall }: { rows: PaceRow[]; overall: StagePace }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">Your pace against the stage windows</caption>
        <thead className="border-b border-slate-200 text-slate-700">
          <tr>
            <th scope="col" className="py-2 pr-3 font-semibold">
              Stage
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              Expected by today
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              Done or skipped
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              Pace
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              Planned finish
            </th>
            <th scope="col" className="py-2 font-semibold">
              Projected finish
            </th>
          </tr>
        </thead>
        <tbody>
          {[...rows, { title: "Whole roadmap", pace: overall }].map(({ title, pace }) => (
            <tr key={pace.id} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="py-2 pr-3 font-medium">
                {title}
              </th>
              <td className="py-2 pr-3 tabular-nums">{pace.expectedPercent}%</td>
              <td className="py-2 pr-3 tabular-nums">{pace.actualPercent}%</td>
              <td className="py-2 pr-3">
                <PaceBadge status={pace.status} />
              </td>
              <td className="py-2 pr-3">{formatDay(pace.plannedEnd)}</td>
              <td className="py-2">
                {pace.status === "complete" ? (
                  "Finished"
                ) : pace.projectedFinish ? (
                  formatDay(pace.projectedFinish)
                ) : (
                  <span className="text-slate-600">Needs recent activity</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
