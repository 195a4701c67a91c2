"use client";

import { useEffect, useId, useRef, useState } from "react";
import { saveMilestoneNoteAction } from "@/lib/actions/notebook";
import type { NoteSnapshot } from "@/lib/domain/notebook";
import { LazyDetails } from "./ui/lazy-details";
import dynamic from "next/dynamic";

// The Markdown renderer is a third of the page's script: it loads when a preview is asked for.
const NoteMarkdown = dynamic(() => import("./note-markdown").then((module) => module.NoteMarkdown), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-600">Loading the preview…</p>,
});

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; replacedNewer: boolean }
  | { kind: "updatedElsewhere" }
  | { kind: "changedElsewhere" }
  | { kind: "failed"; message: string; retryInMs: number | null };

type MilestoneNoteProps = {
  milestone: { id: string; title: string };
  /** The latest saved version the page knows of; it changes when another tab or device saves. */
  stored: NoteSnapshot | undefined;
  onSaved: (note: NoteSnapshot) => void;
};

const AUTOSAVE_AFTER_MS = 800;
const MAX_RETRY_MS = 30_000;

/**
 * A private note that saves itself. The text on screen is never replaced or cleared by a
 * failed save: it is retried with growing pauses, and leaving the page with unsaved text
 * asks first.
 */
export function MilestoneNote({ milestone, stored, onSaved }: MilestoneNoteProps) {
  const id = useId();
  const [body, setBody] = useState(stored?.body ?? "");
  const [preview, setPreview] = useState(false);
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [savedBody, setSavedBody] = useState(stored?.body ?? "");
  const [initiallyOpen] = useState(Boolean(stored?.body));
  const version = useRef(stored?.version ?? 0);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryDelay = useRef(2_000);
  const unsaved = body !== savedBody;

  const save = async (text: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setState({ kind: "saving" });
    try {
      const result = await saveMilestoneNoteAction({
        milestoneId: milestone.id,
        body: text,
        baseVersion: version.current,
      });
      if (!result.ok) {
        // Refused on its merits (too long, say): retrying would not help; the text stays.
        setState({ kind: "failed", message: result.fieldErrors?.body?.[0] ?? result.error, retryInMs: null });
        return;
      }
      version.current = result.data.version;
      setSavedBody(text);
      onSaved({ body: text, version: result.data.version });
      retryDelay.current = 2_000;
      setState({ kind: "saved", replacedNewer: result.data.replacedNewer });
    } catch {
      const wait = retryDelay.current;
      retryDelay.current = Math.min(wait * 2, MAX_RETRY_MS);
      setState({ kind: "failed", message: "Couldn't save: no connection to the server.", retryInMs: wait });
    } finally {
      inFlight.current = false;
    }
  };

  const takeOtherVersion = (other: NoteSnapshot) => {
    version.current = other.version;
    setBody(other.body);
    setSavedBody(other.body);
    setState({ kind: "updatedElsewhere" });
  };

  // Another tab or device saved a newer version (seen when this tab regains focus, or once
  // this tab's own save has landed): take it if nothing here is unsaved; otherwise keep the
  // text on screen, stop autosaving, and let the learner choose which one stays.
  const storedVersion = stored?.version ?? 0;
  useEffect(() => {
    if (!stored || inFlight.current || stored.version <= version.current) return;
    // The query cache is the outside system here: a refetch brought a newer save.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (body === savedBody) takeOtherVersion(stored);
    else if (state.kind !== "changedElsewhere") setState({ kind: "changedElsewhere" });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storedVersion, state.kind]);

  const latestBody = useRef(body);
  useEffect(() => {
    latestBody.current = body;
  });

  // Debounced autosave after typing; after a failure, the retry timer below takes over.
  useEffect(() => {
    if (!unsaved || state.kind === "saving" || state.kind === "changedElsewhere") return;
    if (state.kind === "failed" && state.retryInMs === null && body === latestBody.current) return;
    const delay = state.kind === "failed" && state.retryInMs !== null ? state.retryInMs : AUTOSAVE_AFTER_MS;
    timer.current = setTimeout(() => void save(latestBody.current), delay);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [body, state]);

  // Hidden by a filter or left for another page before the autosave ran: save what is there.
  const pendingText = useRef<{ text: string; baseVersion: number } | null>(null);
  useEffect(() => {
    pendingText.current = unsaved ? { text: body, baseVersion: version.current } : null;
  });
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  });
  useEffect(
    () => () => {
      const pending = pendingText.current;
      if (!pending) return;
      void saveMilestoneNoteAction({ milestoneId: milestone.id, body: pending.text, baseVersion: pending.baseVersion })
        .then((result) => {
          if (result.ok) onSavedRef.current({ body: pending.text, version: result.data.version });
        })
        .catch(() => undefined);
    },
    [milestone.id],
  );

  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  const status =
    state.kind === "saving"
      ? "Saving…"
      : state.kind === "failed"
        ? `${state.message}${state.retryInMs !== null ? " Trying again shortly; your text is safe here." : ""}`
        : state.kind === "changedElsewhere"
          ? "This note was also changed in another tab or device. Keep your text here, or use that version instead."
          : unsaved
            ? "Unsaved changes"
            : state.kind === "updatedElsewhere"
              ? "Updated with the version saved in another tab or device."
              : state.kind === "saved"
                ? state.replacedNewer
                  ? "Saved. This replaced a newer version saved from another tab or device."
                  : "Saved"
                : "";

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
            aria-pressed={preview}
            className="text-sm font-medium text-indigo-700 underline underline-offset-4"
          >
            Preview
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
            onChange={(event) => setBody(event.target.value)}
            rows={4}
            aria-describedby={`${id}-status`}
            aria-invalid={state.kind === "failed" && state.retryInMs === null ? true : undefined}
            className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
          />
        )}
        <div className="flex flex-wrap items-center gap-2">
          <p
            id={`${id}-status`}
            role="status"
            className={`text-sm ${state.kind === "failed" ? "text-red-800" : "text-slate-600"}`}
          >
            {status}
          </p>
          {state.kind === "changedElsewhere" && stored ? (
            <>
              <button
                type="button"
                onClick={() => void save(latestBody.current)}
                className="text-sm font-medium text-indigo-700 underline underline-offset-4"
              >
                Keep mine
              </button>
              <button
                type="button"
                onClick={() => takeOtherVersion(stored)}
                className="text-sm font-medium text-indigo-700 underline underline-offset-4"
              >
                Use the other version
              </button>
            </>
          ) : null}
          {state.kind === "failed" ? (
            <button
              type="button"
              onClick={() => void save(latestBody.current)}
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
