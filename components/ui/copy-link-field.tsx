"use client";

import { useId, type Ref } from "react";

type CopyLinkFieldProps = {
  label: string;
  url: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Ids of text that explains the link, read out with the field. */
  describedBy?: string;
  /** Told how copying went, for the panel's own status or alert region. */
  onCopy: (outcome: { ok: boolean; message: string }) => void;
};

/** A link in a read-only field, selected on focus, with a Copy button. */
export function CopyLinkField({ label, url, inputRef, describedBy, onCopy }: CopyLinkFieldProps) {
  const id = useId();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      onCopy({ ok: true, message: "Copied to the clipboard." });
    } catch {
      onCopy({ ok: false, message: "Copying was blocked by the browser. Select the link and copy it yourself." });
    }
  };

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          ref={inputRef}
          id={id}
          readOnly
          value={url}
          onFocus={(event) => event.target.select()}
          aria-describedby={describedBy}
          className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm"
        />
        <button
          type="button"
          onClick={() => void copy()}
          className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium"
        >
          Copy
        </button>
      </div>
    </div>
  );
}
