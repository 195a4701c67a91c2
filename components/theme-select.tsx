"use client";

import { useTheme } from "next-themes";
import { useHydrated } from "./use-hydrated";

/** System, light or dark; the choice is kept in this browser. */
export function ThemeSelect() {
  const { theme, setTheme } = useTheme();
  // The stored choice is only known in the browser; render "system" until then.
  const value = useHydrated() ? (theme ?? "system") : "system";
  return (
    <label className="flex items-center gap-2 py-1 text-sm text-slate-700 lg:gap-1 lg:py-0">
      <span>Theme</span>
      <select
        value={value}
        onChange={(event) => setTheme(event.target.value)}
        className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-sm"
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
