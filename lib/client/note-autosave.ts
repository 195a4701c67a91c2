import type { NoteSnapshot } from "@/lib/domain/notebook";

/** The pause after the last keystroke before a note saves itself. */
export const AUTOSAVE_AFTER_MS = 800;
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 30_000;

type NoteSaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; replacedNewer: boolean }
  | { kind: "updatedElsewhere" }
  | { kind: "changedElsewhere" }
  | { kind: "failed"; message: string; retryInMs: number | null };

export type NoteAutosave = {
  /** The text on screen: only the learner's typing or their own choice ever replaces it. */
  body: string;
  /** The version this tab saved or took last; the next save is based on it. */
  saved: NoteSnapshot;
  /** The latest saved version the page knows of, which another tab or device may have written. */
  stored: NoteSnapshot | undefined;
  status: NoteSaveStatus;
  /** The pause before the next retry after a connection failure; it doubles each time, up to a cap. */
  retryDelayMs: number;
};

export type NoteAutosaveEvent =
  | { type: "edited"; body: string }
  | { type: "storedChanged"; stored: NoteSnapshot | undefined }
  | { type: "saveStarted" }
  | { type: "saveSucceeded"; saved: NoteSnapshot; replacedNewer: boolean }
  | { type: "saveRefused"; message: string }
  | { type: "saveUnreachable" }
  | { type: "otherVersionTaken" };

export function initialNoteAutosave(stored: NoteSnapshot | undefined): NoteAutosave {
  const saved = { body: stored?.body ?? "", version: stored?.version ?? 0 };
  return { body: saved.body, saved, stored, status: { kind: "idle" }, retryDelayMs: FIRST_RETRY_MS };
}

export function hasUnsavedText(note: NoteAutosave): boolean {
  return note.body !== note.saved.body;
}

export function noteAutosaveReducer(note: NoteAutosave, event: NoteAutosaveEvent): NoteAutosave {
  switch (event.type) {
    case "edited":
      return { ...note, body: event.body };
    case "storedChanged":
      return reconcileWithStored({ ...note, stored: event.stored });
    case "saveStarted":
      return { ...note, status: { kind: "saving" } };
    case "saveSucceeded":
      return reconcileWithStored({
        ...note,
        saved: event.saved,
        status: { kind: "saved", replacedNewer: event.replacedNewer },
        retryDelayMs: FIRST_RETRY_MS,
      });
    case "saveRefused":
      // Refused on its merits (too long, say): retrying would not help; the text stays.
      return reconcileWithStored({ ...note, status: { kind: "failed", message: event.message, retryInMs: null } });
    case "saveUnreachable":
      return reconcileWithStored({
        ...note,
        status: {
          kind: "failed",
          message: "Couldn't save: no connection to the server.",
          retryInMs: note.retryDelayMs,
        },
        retryDelayMs: Math.min(note.retryDelayMs * 2, MAX_RETRY_MS),
      });
    case "otherVersionTaken":
      return note.stored ? takeStored(note, note.stored) : note;
  }
}

/**
 * Another tab or device saved a newer version (seen when this tab regains focus, or once this
 * tab's own save has landed): take it if nothing here is unsaved; otherwise keep the text on
 * screen, stop autosaving, and let the learner choose which one stays.
 */
function reconcileWithStored(note: NoteAutosave): NoteAutosave {
  const { stored, status } = note;
  if (!stored || status.kind === "saving" || stored.version <= note.saved.version) return note;
  if (!hasUnsavedText(note)) return takeStored(note, stored);
  if (status.kind === "changedElsewhere") return note;
  return { ...note, status: { kind: "changedElsewhere" } };
}

function takeStored(note: NoteAutosave, stored: NoteSnapshot): NoteAutosave {
  return { ...note, body: stored.body, saved: stored, status: { kind: "updatedElsewhere" } };
}

/**
 * How long until the text on screen saves itself, or null when it waits: nothing is unsaved,
 * a save is under way, the learner has to choose between two versions, or the server refused
 * the text, after which only "Save now" tries again.
 */
export function autosaveInMs(note: NoteAutosave): number | null {
  const { status } = note;
  if (!hasUnsavedText(note) || status.kind === "saving" || status.kind === "changedElsewhere") return null;
  return status.kind === "failed" ? status.retryInMs : AUTOSAVE_AFTER_MS;
}

/** The status line under the note, for sighted learners and screen readers alike. */
export function noteStatusMessage(note: NoteAutosave): string {
  const { status } = note;
  switch (status.kind) {
    case "saving":
      return "Saving…";
    case "failed":
      return status.retryInMs === null
        ? status.message
        : `${status.message} Trying again shortly; your text is safe here.`;
    case "changedElsewhere":
      return "This note was also changed in another tab or device. Keep your text here, or use that version instead.";
  }
  if (hasUnsavedText(note)) return "Unsaved changes";
  if (status.kind === "updatedElsewhere") return "Updated with the version saved in another tab or device.";
  if (status.kind === "saved") {
    return status.replacedNewer ? "Saved. This replaced a newer version saved from another tab or device." : "Saved";
  }
  return "";
}
