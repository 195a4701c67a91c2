import { addDays, daysBetween, localDate, type LocalDate } from "./dates";

export type Streaks = { current: number; longest: number };

/** The distinct local days on which something happened, ascending. */
export function activeDays(instants: readonly Date[], timeZone: string): LocalDate[] {
  return [...new Set(instants.map((instant) => localDate(instant, timeZone)))].sort();
}

/**
 * Consecutive active days. The current streak is still alive when today has no activity
 * yet but yesterday had: a learner who hasn't studied yet today hasn't broken it.
 */
export function computeStreaks(days: readonly LocalDate[], today: LocalDate): Streaks {
  const sorted = [...new Set(days)].filter((day) => day <= today).sort();
  let longest = 0;
  let run = 0;
  let previous: LocalDate | null = null;
  for (const day of sorted) {
    run = previous !== null && daysBetween(previous, day) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  const last = sorted.at(-1);
  const alive = last !== undefined && (last === today || last === addDays(today, -1));
  return { current: alive ? run : 0, longest };
}

/** Activity per day for the heatmap: every day from `days` ago up to today, with its count. */
export function dailyActivity(instants: readonly Date[], timeZone: string, today: LocalDate, days = 365) {
  const counts = new Map<LocalDate, number>();
  for (const instant of instants) {
    const day = localDate(instant, timeZone);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return Array.from({ length: days }, (_, index) => {
    const day = addDays(today, index - days + 1);
    return { day, count: counts.get(day) ?? 0 };
  });
}
