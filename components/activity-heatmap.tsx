type Day = { day: string; count: number };

const LEVELS = ["bg-slate-300", "bg-emerald-300", "bg-emerald-500", "bg-emerald-700"] as const;

function level(count: number): string {
  if (count === 0) return LEVELS[0];
  if (count < 2) return LEVELS[1];
  if (count < 4) return LEVELS[2];
  return LEVELS[3];
}

/** Month names a column apart would overlap: a label needs this many weeks to itself. */
const WEEKS_PER_LABEL = 3;

const monthName = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString("en-US", { month: "short", timeZone: "UTC" });

/** The month beginning in each week, where there is room to name it. */
function monthLabels(weeks: (Day | null)[][]): (string | null)[] {
  let lastLabelled = -WEEKS_PER_LABEL;
  return weeks.map((week, index) => {
    const first = week.find((cell) => cell?.day.endsWith("-01"));
    if (!first || index - lastLabelled < WEEKS_PER_LABEL) return null;
    lastLabelled = index;
    return monthName(first.day);
  });
}

/**
 * A year of activity, a column per week, opening on today at the right: on a narrow screen the
 * older weeks are a scroll to the left. Screen readers get the caption instead of 365 cells;
 * each cell still has a tooltip for pointer users.
 */
export function ActivityHeatmap({ days, activeDayCount }: { days: Day[]; activeDayCount: number }) {
  const firstWeekday = new Date(`${days[0]?.day ?? "2026-01-01"}T12:00:00Z`).getUTCDay();
  const cells: (Day | null)[] = [...Array.from({ length: firstWeekday }, () => null), ...days];
  const weeks = Array.from({ length: Math.ceil(cells.length / 7) }, (_, week) => cells.slice(week * 7, week * 7 + 7));
  const labels = monthLabels(weeks);
  return (
    <figure className="flex flex-col gap-2">
      {/* Where the year does not fit, row-reverse starts the scroll at the right-hand end, on today, without a script. */}
      <div aria-hidden="true" className="flex flex-row-reverse overflow-x-auto pb-1 lg:flex-row">
        <div className="flex flex-col gap-1 pr-6">
          <div className="flex h-4 gap-[3px] text-xs text-slate-600">
            {labels.map((label, index) => (
              <span key={index} className="relative w-[11px] shrink-0">
                {label ? <span className="absolute left-0 whitespace-nowrap">{label}</span> : null}
              </span>
            ))}
          </div>
          <div className="flex gap-[3px]">
            {weeks.map((week, index) => (
              <div key={index} className="flex flex-col gap-[3px]">
                {week.map((cell, row) =>
                  cell ? (
                    <span
                      key={cell.day}
                      title={`${cell.day}: ${cell.count} change${cell.count === 1 ? "" : "s"}`}
                      className={`size-[11px] rounded-sm ${level(cell.count)}`}
                    />
                  ) : (
                    <span key={`blank-${row}`} className="size-[11px]" />
                  ),
                )}
              </div>
            ))}
          </div>
          <div className="mt-1 flex items-center gap-[3px] self-end text-xs text-slate-600">
            <span className="mr-1">Less</span>
            {LEVELS.map((shade) => (
              <span key={shade} className={`size-[11px] rounded-sm ${shade}`} />
            ))}
            <span className="ml-1">More</span>
          </div>
        </div>
      </div>
      <figcaption className="text-sm text-slate-700">
        Active on {activeDayCount} of the last {days.length} days.
      </figcaption>
    </figure>
  );
}
