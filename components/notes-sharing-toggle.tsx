"use client";

import { useState, useTransition } from "react";
import { setNotesSharingAction } from "@/lib/actions/mentorship";
import { Alert } from "./ui/alert";

type NotesSharingToggleProps = { mentorshipId: string; mentorName: string; shareNotes: boolean };

/** The learner's per-mentor choice; shows at once and goes back if the server refuses. */
export function NotesSharingToggle({ mentorshipId, mentorName, shareNotes }: NotesSharingToggleProps) {
  const [checked, setChecked] = useState(shareNotes);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const change = (next: boolean) => {
    setChecked(next);
    setError(null);
    startTransition(async () => {
      try {
        const result = await setNotesSharingAction({ mentorshipId, shareNotes: next });
        if (result.ok) return;
        setError(result.error);
      } catch {
        setError("We couldn't reach the server, so nothing changed. Try again.");
      }
      setChecked(!next);
    });
  };

  return (
    <div className="mt-1">
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={checked}
          disabled={pending}
          onChange={(event) => change(event.target.checked)}
          className="size-4"
        />
        Share my milestone notes with {mentorName}
      </label>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
