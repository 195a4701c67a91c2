"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { postMilestoneMessageAction, setMilestoneReviewedAction } from "@/app/_actions/mentorship";
import type { ThreadMessage } from "@/lib/data/feedback";
import { ActionButton } from "./ui/action-button";

type MilestoneFeedbackProps = {
  learnerId: string;
  milestone: { id: string; title: string };
  messages: ThreadMessage[];
  review?: { reviewerName: string; reviewedAt: Date } | undefined;
  /** A mentor gives feedback and marks reviews; a learner replies once a mentor has written. */
  as: "mentor" | "learner";
  milestoneDone: boolean;
};

const formatTime = (date: Date) => date.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });

export function MilestoneFeedback({
  learnerId,
  milestone,
  messages,
  review,
  as,
  milestoneDone,
}: MilestoneFeedbackProps) {
  const router = useRouter();
  const id = useId();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const canWrite = as === "mentor" || messages.length > 0;
  const label = as === "mentor" ? "Feedback" : "Reply";

  const post = () =>
    startTransition(async () => {
      setError(null);
      try {
        const result = await postMilestoneMessageAction({ learnerId, milestoneId: milestone.id, body });
        if (!result.ok) return setError(result.fieldErrors?.body?.[0] ?? result.error);
        setBody("");
        router.refresh();
      } catch {
        setError("We couldn't reach the server. Your text is still here: try again.");
      }
    });

  if (!canWrite && !review) return null;
  const content = (
    <div className="flex flex-col gap-2">
      {review ? (
        <p className="text-sm font-medium text-emerald-900">
          ✓ Reviewed by {review.reviewerName} on{" "}
          {review.reviewedAt.toLocaleDateString("en-US", { dateStyle: "medium" })}
        </p>
      ) : null}
      {messages.length > 0 ? (
        <ol aria-label={`Feedback on ${milestone.title}`} className="flex flex-col gap-2">
          {messages.map((message) => (
            <li
              key={message.id}
              className={`rounded-md px-3 py-2 text-sm ${message.fromLearner ? "bg-slate-100" : "bg-indigo-50"}`}
            >
              <p className="font-semibold">
                {message.authorName}{" "}
                <span className="font-normal text-slate-600">
                  {message.fromLearner ? "(learner)" : "(mentor)"} ·{" "}
                  <time dateTime={message.createdAt.toISOString()}>{formatTime(message.createdAt)}</time>
                </span>
              </p>
              <p className="mt-1 whitespace-pre-wrap break-words">{message.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {canWrite ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            post();
          }}
          className="flex flex-col gap-1"
        >
          <label htmlFor={`${id}-body`} className="text-sm font-medium">
            {label}
            <span className="sr-only"> on {milestone.title}</span>
          </label>
          <textarea
            id={`${id}-body`}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            rows={2}
            maxLength={2000}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
          />
          {error ? (
            <p id={`${id}-error`} role="alert" className="text-sm text-red-800">
              {error}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-2">
            <button
              type="submit"
              disabled={pending}
              className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-800 disabled:opacity-70"
            >
              {pending ? "Posting…" : "Post"}
              <span className="sr-only">
                {" "}
                {label.toLowerCase()} on {milestone.title}
              </span>
            </button>
            {as === "mentor" && milestoneDone ? (
              <ActionButton
                action={setMilestoneReviewedAction}
                input={{ learnerId, milestoneId: milestone.id, reviewed: !review }}
                pendingLabel="Saving…"
              >
                {review ? "Remove review mark" : "Mark reviewed"}
                <span className="sr-only"> for {milestone.title}</span>
              </ActionButton>
            ) : null}
          </div>
        </form>
      ) : null}
    </div>
  );
  if (as === "learner") return <div className="mt-3 border-t border-slate-100 pt-3 pl-8">{content}</div>;
  // A mentor sees every milestone: keep the forms folded until wanted, open where a thread exists.
  return (
    <details open={messages.length > 0 || undefined} className="mt-2 pl-8">
      <summary className="cursor-pointer text-sm font-medium text-indigo-700 underline-offset-4 hover:underline">
        Feedback{messages.length > 0 ? ` (${messages.length})` : ""}
        <span className="sr-only"> on {milestone.title}</span>
      </summary>
      <div className="mt-2">{content}</div>
    </details>
  );
}
