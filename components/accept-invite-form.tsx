"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { acceptInviteAction } from "@/app/_actions/mentorship";

type AcceptInviteFormProps = { token: string; askAboutNotes: boolean };

export function AcceptInviteForm({ token, askAboutNotes }: AcceptInviteFormProps) {
  const router = useRouter();
  const [shareNotes, setShareNotes] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const accept = () =>
    startTransition(async () => {
      setError(null);
      try {
        const result = await acceptInviteAction({ token, shareNotes });
        if (!result.ok) return setError(result.error);
        router.push(result.data.role === "learner" ? "/mentors" : `/mentees/${result.data.mentorshipId}`);
      } catch {
        setError("We couldn't reach the server. Check your connection and try again.");
      }
    });

  return (
    <div className="mt-5 flex flex-col gap-3">
      {askAboutNotes ? (
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={shareNotes}
            onChange={(event) => setShareNotes(event.target.checked)}
            className="size-4"
          />
          Also share my milestone notes
        </label>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <div>
        <button
          type="button"
          onClick={accept}
          disabled={pending}
          className="rounded-md bg-indigo-700 px-5 py-2 font-semibold text-white hover:bg-indigo-800 disabled:opacity-70"
        >
          {pending ? "Accepting…" : "Accept"}
        </button>
      </div>
    </div>
  );
}
