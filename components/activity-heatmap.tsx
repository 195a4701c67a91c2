type Day = { day: string; count: number };

function level(count: number): string {
  if (count === 0) return "bg-slate-300";
  if (count < 2) return "bg-emerald-300";
  if (count < 4) return "bg-emerald-500";
  return "bg-emerald-700";
}

/**
 * A year of activity, a column per week. Screen readers get the caption instead of 365
 * cells; each cell still has a tooltip for pointer users.
 */
export function ActivityHeatmap({ days, activeDayCount }: { days: Day[]; activeDayCount: number }) {
  const firstWeekday = new Date(`${days[0]?.day ?? "2026-01-01"}T12:00:00Z`).getUTCDay();
  const cells: (Day | null)[] = [...Array.from({ length: firstWeekday }, () => null), ...days];
  const weeks = Array.from({ length: Math.ceil(cells.length / 7) }, (_, week) => cells.slice(week * 7, week * 7 + 7));
  return (
    <figure className="flex flex-col gap-2">
      <div aria-hidden="true" className="flex gap-[3px] overflow-x-auto pb-1">
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
      <figcaption className="text-sm text-slate-700">
        Active on {activeDayCount} of the last {days.length} days.
      </figcaption>
    </figure>
  );
}
