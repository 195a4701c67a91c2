"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { acceptInviteAction, declineInviteAction } from "@/lib/actions/mentorship";
import { Alert } from "./ui/alert";
import { useActionRunner } from "./use-action-runner";

type InviteResponseFormProps = {
  token: string;
  /** What declining did, said once it has. */
  declinedText: string;
};

/** Accept or Decline an invite; neither shares anything but Accept. */
export function InviteResponseForm({ token, declinedText }: InviteResponseFormProps) {
  const router = useRouter();
  const { pending, error, run } = useActionRunner();
  const [choice, setChoice] = useState<"accept" | "decline" | null>(null);
  const [declined, setDeclined] = useState(false);

  if (declined) {
    return (
      <div role="status" className="mt-5 rounded-md border border-slate-300 bg-slate-50 p-4">
        <p className="font-semibold">You declined the invite.</p>
        <p className="mt-1">{declinedText}</p>
        <Link href="/dashboard" className="mt-2 inline-block font-medium text-indigo-700 underline underline-offset-4">
          Go to your dashboard
        </Link>
      </div>
    );
  }

  const respond = (answer: "accept" | "decline") => {
    if (pending) return;
    setChoice(answer);
    run(async () => {
      if (answer === "decline") {
        const result = await declineInviteAction({ token });
        setDeclined(result.ok);
        return result;
      }
      const result = await acceptInviteAction({ token });
      if (result.ok) router.push(result.data.role === "learner" ? "/mentors" : `/mentees/${result.data.mentorshipId}`);
      return result;
    });
  };

  return (
    <div className="mt-5 flex flex-col gap-3">
      {error ? <Alert variant="box">{error}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          onClick={() => respond("accept")}
          aria-disabled={pending || undefined}
          className="rounded-md bg-indigo-700 px-5 py-2 font-semibold text-white hover:bg-indigo-800 aria-disabled:opacity-70"
        >
          {pending && choice === "accept" ? "Accepting…" : "Accept"}
        </button>
        <button
          type="button"
          onClick={() => respond("decline")}
          aria-disabled={pending || undefined}
          className="rounded-md border border-slate-400 px-5 py-2 font-semibold hover:bg-slate-100 aria-disabled:opacity-70"
        >
          {pending && choice === "decline" ? "Declining…" : "Decline"}
        </button>
      </div>
    </div>
  );
}
