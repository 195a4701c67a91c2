"use client";

import { useEffect, useEffectEvent, useReducer, useRef } from "react";
import { saveRoadmapDraftAction } from "@/lib/actions/roadmap-authoring";
import {
  draftAutosaveInMs,
  draftStatusMessage,
  hasUnsavedChanges,
  initialDraftEditor,
  roadmapDraftReducer,
  type RoadmapContent,
  type SavedDraft,
} from "@/lib/client/roadmap-draft";

type StoredUnsaved = { baseRevision: number; draft: RoadmapContent };

/**
 * A roadmap draft that saves itself while the author works (like a note). Unsaved changes are
 * kept in this tab's sessionStorage too, so a reload or a crash does not lose them; a failed
 * save keeps them on screen and retries; leaving with unsaved changes asks first.
 */
export function useRoadmapDraft({ roadmapId, initial }: { roadmapId: string; initial: SavedDraft }) {
  const [editor, dispatch] = useReducer(roadmapDraftReducer, initial, (saved) => initialDraftEditor(saved));
  const unsaved = hasUnsavedChanges(editor);
  const storageKey = `waymark:roadmap-draft:${roadmapId}`;
  const inFlight = useRef(false);

  useEffect(() => {
    try {
      const stored = sessionStorage.getItem(storageKey);
      if (!stored) return;
      const { baseRevision, draft } = JSON.parse(stored) as StoredUnsaved;
      dispatch({ type: "unsavedRecovered", draft, baseRevision });
    } catch {
      // Storage off or unreadable: there is nothing to recover.
    }
  }, [storageKey]);

  useEffect(() => {
    try {
      if (unsaved) {
        const kept: StoredUnsaved = { baseRevision: editor.saved.revision, draft: editor.draft };
        sessionStorage.setItem(storageKey, JSON.stringify(kept));
      } else {
        sessionStorage.removeItem(storageKey);
      }
    } catch {
      // Storage full or off: the changes are still on screen and saving.
    }
  }, [storageKey, unsaved, editor.draft, editor.saved.revision]);

  /** Saves what is on screen; the revision saved, or null when it did not save. */
  const save = async (): Promise<number | null> => {
    if (inFlight.current) return null;
    inFlight.current = true;
    const { draft, edits } = editor;
    dispatch({ type: "saveStarted" });
    try {
      const result = await saveRoadmapDraftAction({ roadmapId, baseRevision: editor.saved.revision, draft });
      if (!result.ok) {
        dispatch({ type: "saveRefused", message: result.error, fieldErrors: result.fieldErrors ?? {} });
        return null;
      }
      if (!result.data.saved) {
        dispatch({ type: "saveConflicted", other: { draft: result.data.draft, revision: result.data.revision } });
        return null;
      }
      dispatch({ type: "saveSucceeded", saved: { draft, revision: result.data.revision }, edits });
      return result.data.revision;
    } catch {
      dispatch({ type: "saveUnreachable" });
      return null;
    } finally {
      inFlight.current = false;
    }
  };

  const waitMs = draftAutosaveInMs(editor);
  const autosave = useEffectEvent(() => void save());
  useEffect(() => {
    if (waitMs === null) return;
    const timer = setTimeout(() => autosave(), waitMs);
    return () => clearTimeout(timer);
  }, [waitMs, editor.edits, editor.status]);

  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  return { editor, dispatch, unsaved, statusMessage: draftStatusMessage(editor), save };
}
