"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { acceptInviteAction } from "@/lib/actions/mentorship";
import { Alert } from "./ui/alert";

type AcceptInviteFormProps = { token: string };

export function AcceptInviteForm({ token }: AcceptInviteFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const accept = () => {
    if (pending) return;
    startTransition(async () => {
      setError(null);
      try {
        const result = await acceptInviteAction({ token });
        if (!result.ok) return setError(result.error);
        router.push(result.data.role === "learner" ? "/mentors" : `/mentees/${result.data.mentorshipId}`);
      } catch {
        setError("We couldn't reach the server. Check your connection and try again.");
      }
    });
  };

  return (
    <div className="mt-5 flex flex-col gap-3">
      {error ? <Alert variant="box">{error}</Alert> : null}
      <div>
        <button
          type="button"
          onClick={accept}
          aria-disabled={pending || undefined}
          className="rounded-md bg-indigo-700 px-5 py-2 font-semibold text-white hover:bg-indigo-800 aria-disabled:opacity-70"
        >
          {pending ? "Accepting…" : "Accept"}
        </button>
      </div>
    </div>
  );
}
