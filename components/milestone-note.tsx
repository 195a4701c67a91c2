"use client";

import { useId, useState } from "react";
import type { NoteSnapshot } from "@/lib/domain/notebook";
import { LazyDetails } from "./ui/lazy-details";
import { useNoteAutosave } from "./use-note-autosave";
import dynamic from "next/dynamic";

// The Markdown renderer is a third of the page's script: it loads when a preview is asked for.
const NoteMarkdown = dynamic(() => import("./note-markdown").then((module) => module.NoteMarkdown), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-600">Loading the preview…</p>,
});

type MilestoneNoteProps = {
  milestone: { id: string; title: string };
  /** The latest saved version the page knows of; it changes when another tab or device saves. */
  stored: NoteSnapshot | undefined;
  onSaved: (note: NoteSnapshot) => void;
};

/** A private note on a milestone, which saves itself (see useNoteAutosave), with a Markdown preview. */
export function MilestoneNote({ milestone, stored, onSaved }: MilestoneNoteProps) {
  const id = useId();
  const note = useNoteAutosave({ milestoneId: milestone.id, stored, onSaved });
  const [preview, setPreview] = useState(false);
  const [initiallyOpen] = useState(Boolean(stored?.body));
  const { body, status } = note;

  return (
    <LazyDetails
      defaultOpen={initiallyOpen}
      className="mt-2 pl-8"
      summary={
        <summary className="cursor-pointer text-sm font-medium text-indigo-700 underline-offset-4 hover:underline">
          Your notes<span className="sr-only"> on {milestone.title}</span>
        </summary>
      }
    >
      <div className="mt-2 flex flex-col gap-1">
        <div className="flex items-center justify-between gap-2">
          <label htmlFor={`${id}-note`} className="text-sm font-medium">
            Note<span className="sr-only"> on {milestone.title}</span>
            <span className="font-normal text-slate-600"> (private; Markdown allowed)</span>
          </label>
          <button
            type="button"
            onClick={() => setPreview((shown) => !shown)}
            className="text-sm font-medium text-indigo-700 underline underline-offset-4"
          >
            {/* The label names what a press does; with aria-pressed as well, a screen reader would announce a
                changing name and a state that contradict each other. */}
            {preview ? "Edit" : "Preview"}
          </button>
        </div>
        {preview ? (
          <div className="rounded-md border border-slate-300 p-3">
            {body.trim() ? (
              <NoteMarkdown body={body} />
            ) : (
              <p className="text-sm text-slate-600">Nothing written yet.</p>
            )}
          </div>
        ) : (
          <textarea
            id={`${id}-note`}
            value={body}
            onChange={(event) => note.edit(event.target.value)}
            rows={4}
            aria-describedby={`${id}-status`}
            aria-invalid={status.kind === "failed" && status.retryInMs === null ? true : undefined}
            className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
          />
        )}
        <div className="flex flex-wrap items-center gap-2">
          <p
            id={`${id}-status`}
            role="status"
            className={`text-sm ${status.kind === "failed" ? "text-red-800" : "text-slate-600"}`}
          >
            {note.statusMessage}
          </p>
          {note.otherVersion ? (
            <>
              <button
                type="button"
                onClick={note.saveNow}
                className="text-sm font-medium text-indigo-700 underline underline-offset-4"
              >
                Keep mine
              </button>
              <button
                type="button"
                onClick={note.takeOtherVersion}
                className="text-sm font-medium text-indigo-700 underline underline-offset-4"
              >
                Use the other version
              </button>
            </>
          ) : null}
          {status.kind === "failed" ? (
            <button
              type="button"
              onClick={note.saveNow}
              className="text-sm font-medium text-indigo-700 underline underline-offset-4"
            >
              Save now
            </button>
          ) : null}
        </div>
      </div>
    </LazyDetails>
  );
}
