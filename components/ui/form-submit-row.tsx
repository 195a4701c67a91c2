import type { ReactNode } from "react";

/** A form's submit button, with the status line that says what the last submission did. */
export function FormSubmitRow(props: { pending: boolean; label: string; pendingLabel: string; status: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="submit"
        disabled={props.pending}
        className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 disabled:opacity-70"
      >
        {props.pending ? props.pendingLabel : props.label}
      </button>
      {/* Always in the page, so screen readers announce the message when it appears. */}
      <p role="status" className="min-w-0 text-sm wrap-anywhere text-emerald-800">
        {props.pending ? null : props.status}
      </p>
    </div>
  );
}
