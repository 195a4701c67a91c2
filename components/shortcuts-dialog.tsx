"use client";

import type { Ref } from "react";

const SHORTCUTS: [string, string][] = [
  ["j or ↓", "Next milestone"],
  ["k or ↑", "Previous milestone"],
  ["d", "Mark done"],
  ["i", "Mark in progress"],
  ["s", "Skip"],
  ["r", "Reset to not started"],
  ["Enter", "Open or close the details"],
  ["?", "Show these shortcuts"],
];

/** The keyboard shortcuts sheet: a native modal dialog, so focus is trapped and Escape closes it. */
export function ShortcutsDialog({ ref }: { ref: Ref<HTMLDialogElement> }) {
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-heading"
      className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-xl border border-slate-300 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-black/60"
    >
      <h2 id="shortcuts-heading" className="text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        j, k and ? work whenever you are not typing in a field; the others act on the milestone that has focus.
      </p>
      <table className="mt-3 w-full text-left text-sm">
        <caption className="sr-only">Keys and what they do</caption>
        <tbody>
          {SHORTCUTS.map(([key, action]) => (
            <tr key={key} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="py-1.5 pr-3 font-mono font-semibold">
                {key}
              </th>
              <td className="py-1.5">{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog" className="mt-4">
        <button type="submit" className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white">
          Close
        </button>
      </form>
    </dialog>
  );
}
