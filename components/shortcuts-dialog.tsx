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

type ShortcutsDialogProps = {
  ref: Ref<HTMLDialogElement>;
  pageWide: boolean;
  onPageWideChange: (on: boolean) => void;
};

/** The keyboard shortcuts sheet: a native modal dialog, so focus is trapped and Escape closes it. */
export function ShortcutsDialog({ ref, pageWide, onPageWideChange }: ShortcutsDialogProps) {
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
        {pageWide
          ? "j, k and ? work whenever you are not typing in a field; the others act on the milestone that has focus."
          : "Every shortcut acts on the milestone that has focus."}
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
      <div className="mt-4 flex items-start gap-2 text-sm">
        <input
          id="page-wide-shortcuts"
          type="checkbox"
          checked={pageWide}
          onChange={(event) => onPageWideChange(event.target.checked)}
          aria-describedby="page-wide-shortcuts-hint"
          className="mt-0.5 size-4 shrink-0"
        />
        <div>
          <label htmlFor="page-wide-shortcuts" className="font-medium">
            Use j, k and ? anywhere on the page
          </label>
          <p id="page-wide-shortcuts-hint" className="text-slate-700">
            Turn this off if single keys get in your way, for example with speech input.
          </p>
        </div>
      </div>
      <form method="dialog" className="mt-4">
        <button type="submit" className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white">
          Close
        </button>
      </form>
    </dialog>
  );
}
