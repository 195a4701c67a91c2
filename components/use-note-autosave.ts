"use client";

import { useEffect, useEffectEvent, useReducer, useRef } from "react";
import { saveMilestoneNoteAction } from "@/lib/actions/notebook";
import type { NoteSnapshot } from "@/lib/domain/notebook";
import {
  autosaveInMs,
  hasUnsavedText,
  initialNoteAutosave,
  noteAutosaveReducer,
  noteStatusMessage,
} from "@/lib/client/note-autosave";

type NoteAutosaveOptions = {
  milestoneId: string;
  /** The latest saved version the page knows of; it changes when another tab or device saves. */
  stored: NoteSnapshot | undefined;
  onSaved: (note: NoteSnapshot) => void;
};

/**
 * A note that saves itself while the learner types. The text on screen is never replaced or
 * cleared by a failed save: it is retried with growing pauses, text left when the editor goes
 * away is still saved, and leaving the page with unsaved text asks first.
 */
export function useNoteAutosave({ milestoneId, stored, onSaved }: NoteAutosaveOptions) {
  const [note, dispatch] = useReducer(noteAutosaveReducer, stored, initialNoteAutosave);
  // The query cache is the outside system: a refetch or this tab's own save brought a version.
  if ((stored?.version ?? 0) !== (note.stored?.version ?? 0)) dispatch({ type: "storedChanged", stored });
  const unsaved = hasUnsavedText(note);
  const inFlight = useRef(false);

  const save = async (text: string, baseVersion: number) => {
    if (inFlight.current) return;
    inFlight.current = true;
    dispatch({ type: "saveStarted" });
    try {
      const result = await saveMilestoneNoteAction({ milestoneId, body: text, baseVersion });
      if (!result.ok) {
        dispatch({ type: "saveRefused", message: result.fieldErrors?.body?.[0] ?? result.error });
        return;
      }
      const saved = { body: text, version: result.data.version };
      dispatch({ type: "saveSucceeded", saved, replacedNewer: result.data.replacedNewer });
      onSaved(saved);
    } catch {
      dispatch({ type: "saveUnreachable" });
    } finally {
      inFlight.current = false;
    }
  };
  const saveNow = () => void save(note.body, note.saved.version);

  // Each keystroke, and each failure, starts the wait again.
  const waitMs = autosaveInMs(note);
  const autosave = useEffectEvent(saveNow);
  useEffect(() => {
    if (waitMs === null) return;
    const timer = setTimeout(() => autosave(), waitMs);
    return () => clearTimeout(timer);
  }, [waitMs, note.body, note.status]);

  // Hidden by a filter or left for another page before the autosave ran: save what is there.
  const pending = useRef<{ text: string; baseVersion: number; onSaved: typeof onSaved } | null>(null);
  useEffect(() => {
    pending.current = unsaved ? { text: note.body, baseVersion: note.saved.version, onSaved } : null;
  });
  useEffect(
    () => () => {
      const left = pending.current;
      if (!left) return;
      void saveMilestoneNoteAction({ milestoneId, body: left.text, baseVersion: left.baseVersion })
        .then((result) => {
          if (result.ok) left.onSaved({ body: left.text, version: result.data.version });
        })
        .catch(() => undefined);
    },
    [milestoneId],
  );

  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  return {
    body: note.body,
    status: note.status,
    statusMessage: noteStatusMessage(note),
    /** The newer version another tab or device saved, while the learner chooses between the two. */
    otherVersion: note.status.kind === "changedElsewhere" ? note.stored : undefined,
    edit: (body: string) => dispatch({ type: "edited", body }),
    saveNow,
    takeOtherVersion: () => dispatch({ type: "otherVersionTaken" }),
  };
}
