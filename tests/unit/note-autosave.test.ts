import { describe, expect, it } from "vitest";
import {
  AUTOSAVE_AFTER_MS,
  autosaveInMs,
  initialNoteAutosave,
  noteAutosaveReducer,
  noteStatusMessage,
  type NoteAutosave,
  type NoteAutosaveEvent,
} from "@/lib/client/note-autosave";

const after = (note: NoteAutosave, ...events: NoteAutosaveEvent[]) => events.reduce(noteAutosaveReducer, note);
const stored = { body: "Joins", version: 3 };
const fresh = () => initialNoteAutosave(stored);
const typed = (body: string): NoteAutosaveEvent => ({ type: "edited", body });
const succeeded = (body: string, version: number, replacedNewer = false): NoteAutosaveEvent => ({
  type: "saveSucceeded",
  saved: { body, version },
  replacedNewer,
});
const unreachable: NoteAutosaveEvent = { type: "saveUnreachable" };
const started: NoteAutosaveEvent = { type: "saveStarted" };

describe("a note that saves itself", () => {
  it("starts from the stored version, or empty at version 0, with nothing to save", () => {
    expect(fresh()).toMatchObject({ body: "Joins", saved: stored, status: { kind: "idle" } });
    expect(initialNoteAutosave(undefined)).toMatchObject({ body: "", saved: { body: "", version: 0 } });
    expect(autosaveInMs(fresh())).toBeNull();
    expect(noteStatusMessage(fresh())).toBe("");
  });

  it("saves a pause after typing, and waits while a save is under way", () => {
    const edited = after(fresh(), typed("Joins and indexes"));
    expect(noteStatusMessage(edited)).toBe("Unsaved changes");
    expect(autosaveInMs(edited)).toBe(AUTOSAVE_AFTER_MS);

    const saving = after(edited, started);
    expect(noteStatusMessage(saving)).toBe("Saving…");
    expect(autosaveInMs(saving)).toBeNull();
    // Typing on during the save: the text is kept, and saved once this save has landed.
    const typedOn = after(saving, typed("Joins and indexes, then views"));
    expect(typedOn.body).toBe("Joins and indexes, then views");
    expect(autosaveInMs(typedOn)).toBeNull();

    const landed = after(typedOn, succeeded("Joins and indexes", 4));
    expect(landed.saved).toEqual({ body: "Joins and indexes", version: 4 });
    expect(landed.body).toBe("Joins and indexes, then views");
    expect(noteStatusMessage(landed)).toBe("Unsaved changes");
    expect(autosaveInMs(landed)).toBe(AUTOSAVE_AFTER_MS);
  });

  it("says Saved once the text on screen is the saved one", () => {
    const saved = after(fresh(), typed("Joins!"), started, succeeded("Joins!", 4));
    expect(noteStatusMessage(saved)).toBe("Saved");
    expect(autosaveInMs(saved)).toBeNull();
  });

  it("keeps the text through connection failures and retries after pauses that double up to 30 s", () => {
    let note = after(fresh(), typed("Offline thoughts"));
    const pauses: (number | null)[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      note = after(note, started, unreachable);
      pauses.push(autosaveInMs(note));
    }
    expect(pauses).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(note.body).toBe("Offline thoughts");
    expect(noteStatusMessage(note)).toBe(
      "Couldn't save: no connection to the server. Trying again shortly; your text is safe here.",
    );

    const recovered = after(note, started, succeeded("Offline thoughts", 4));
    expect(noteStatusMessage(recovered)).toBe("Saved");
    const nextFailure = after(recovered, typed("More"), started, unreachable);
    expect(autosaveInMs(nextFailure)).toBe(2_000);
  });

  it("after a refusal keeps the text and waits for Save now, even while the learner types", () => {
    const refused = after(fresh(), typed("x".repeat(50_000)), started, {
      type: "saveRefused",
      message: "Notes can be at most 20,000 characters.",
    });
    expect(refused.body).toBe("x".repeat(50_000));
    expect(refused.status).toEqual({
      kind: "failed",
      message: "Notes can be at most 20,000 characters.",
      retryInMs: null,
    });
    expect(noteStatusMessage(refused)).toBe("Notes can be at most 20,000 characters.");
    expect(autosaveInMs(refused)).toBeNull();
    expect(autosaveInMs(after(refused, typed("shorter")))).toBeNull();
  });

  it("takes a newer version saved elsewhere when nothing here is unsaved", () => {
    const other = { body: "From the laptop", version: 5 };
    const updated = after(fresh(), { type: "storedChanged", stored: other });
    expect(updated).toMatchObject({ body: "From the laptop", saved: other, status: { kind: "updatedElsewhere" } });
    expect(noteStatusMessage(updated)).toBe("Updated with the version saved in another tab or device.");
  });

  it("ignores a stored version that is not newer, such as this tab's own save coming back", () => {
    const saved = after(fresh(), typed("Mine"), started, succeeded("Mine", 4));
    expect(after(saved, { type: "storedChanged", stored: { body: "Mine", version: 4 } }).status).toEqual(saved.status);
    expect(after(saved, { type: "storedChanged", stored: undefined }).body).toBe("Mine");
  });

  it("with unsaved text, never replaces it: stops autosaving and lets the learner choose", () => {
    const other = { body: "From the laptop", version: 5 };
    const conflict = after(fresh(), typed("From the phone"), { type: "storedChanged", stored: other });
    expect(conflict.body).toBe("From the phone");
    expect(conflict.status).toEqual({ kind: "changedElsewhere" });
    expect(autosaveInMs(conflict)).toBeNull();
    expect(noteStatusMessage(conflict)).toContain("also changed in another tab or device");
    expect(after(conflict, typed("From the phone, edited")).status).toEqual({ kind: "changedElsewhere" });

    const keptMine = after(conflict, started, succeeded("From the phone", 6, true));
    expect(keptMine.body).toBe("From the phone");
    expect(noteStatusMessage(keptMine)).toBe("Saved. This replaced a newer version saved from another tab or device.");

    const tookOther = after(conflict, { type: "otherVersionTaken" });
    expect(tookOther).toMatchObject({ body: "From the laptop", saved: other, status: { kind: "updatedElsewhere" } });
  });

  it("holds a newer version seen during a save until that save has landed", () => {
    const other = { body: "From the laptop", version: 5 };
    const saving = after(fresh(), typed("From the phone"), started);
    const seenMidSave = after(saving, { type: "storedChanged", stored: other });
    expect(seenMidSave.status).toEqual({ kind: "saving" });
    expect(seenMidSave.body).toBe("From the phone");

    // The connection dropped, so the text here is still unsaved: the learner chooses.
    expect(after(seenMidSave, unreachable).status).toEqual({ kind: "changedElsewhere" });
  });
});
