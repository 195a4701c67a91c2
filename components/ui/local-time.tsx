"use client";

import { useHydrated } from "../use-hydrated";

type LocalTimeProps = { value: Date; withTime?: boolean };

/**
 * A date in the reader's own time zone. The server can't know it, so the server render
 * shows the UTC date and the browser swaps in local time once it runs — no mismatch.
 */
export function LocalTime({ value, withTime = false }: LocalTimeProps) {
  const hydrated = useHydrated();
  const options: Intl.DateTimeFormatOptions = withTime
    ? { dateStyle: "medium", timeStyle: "short" }
    : { dateStyle: "medium" };
  return (
    <time dateTime={value.toISOString()} suppressHydrationWarning>
      {value.toLocaleString("en-US", hydrated ? options : { ...options, timeZone: "UTC" })}
    </time>
  );
}
