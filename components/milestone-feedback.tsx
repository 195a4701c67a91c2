"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { postMilestoneMessageAction, setMilestoneReviewedAction } from "@/lib/actions/mentorship";
import type { Thread } from "@/lib/data/feedback";
import { LazyDetails } from "./ui/lazy-details";
import { ActionButton } from "./ui/action-button";
import { LocalTime } from "./ui/local-time";
import { Alert } from "./ui/alert";

type MilestoneFeedbackProps = {
  learnerId: string;
  milestone: { id: string; title: string };
  threads: Thread[];
  reviews: { reviewerName: string; reviewedAt: Date }[];
  /** A mentor writes in their own thread and marks reviews; a learner replies in each mentor's thread. */
  as: "mentor" | "learner";
  milestoneDone: boolean;
};

export function MilestoneFeedback({
  learnerId,
  milestone,
  threads,
  reviews,
  as,
  milestoneDone,
}: MilestoneFeedbackProps) {
  const reviewLine =
    milestoneDone && reviews.length > 0 ? (
      <p className="text-sm font-medium text-emerald-900">
        ✓ Reviewed by {reviews.map((review) => review.reviewerName).join(", ")}
      </p>
    ) : null;

  if (as === "learner") {
    if (threads.length === 0 && !reviewLine) return null;
    return (
      <div className="mt-3 flex flex-col gap-3 border-t border-slate-100 pt-3 pl-8">
        {reviewLine}
        {threads.map((thread) => (
          <div key={thread.mentorId ?? "former"} className="flex flex-col gap-2">
            <h4 className="text-sm font-semibold">Feedback from {thread.mentorName}</h4>
            <Messages thread={thread} milestoneTitle={milestone.title} />
            {thread.mentorId ? (
              <MessageForm
                learnerId={learnerId}
                milestone={milestone}
                mentorId={thread.mentorId}
                label={`Reply to ${thread.mentorName}`}
              />
            ) : null}
          </div>
        ))}
      </div>
    );
  }

  const own = threads[0];
  // A mentor sees every milestone: keep the form folded until wanted, open where a thread exists.
  return (
    <LazyDetails
      defaultOpen={own !== undefined}
      className="mt-2 pl-8"
      summary={
        <summary className="cursor-pointer text-sm font-medium text-indigo-700 underline-offset-4 hover:underline">
          Feedback{own ? ` (${own.messages.length})` : ""}
          <span className="sr-only"> on {milestone.title}</span>
        </summary>
      }
    >
      <div className="mt-2 flex flex-col gap-2">
        {reviewLine}
        {own ? <Messages thread={own} milestoneTitle={milestone.title} /> : null}
        <MessageForm learnerId={learnerId} milestone={milestone} label="Feedback" />
        {milestoneDone ? (
          <ActionButton
            action={setMilestoneReviewedAction}
            input={{ learnerId, milestoneId: milestone.id, reviewed: reviews.length === 0 }}
            pendingLabel="Saving…"
          >
            {reviews.length > 0 ? "Remove review mark" : "Mark reviewed"}
            <span className="sr-only"> for {milestone.title}</span>
          </ActionButton>
        ) : null}
      </div>
    </LazyDetails>
  );
}

function Messages({ thread, milestoneTitle }: { thread: Thread; milestoneTitle: string }) {
  return (
    <ol aria-label={`Feedback from ${thread.mentorName} on ${milestoneTitle}`} className="flex flex-col gap-2">
      {thread.messages.map((message) => (
        <li
          key={message.id}
          className={`rounded-md px-3 py-2 text-sm ${message.fromLearner ? "bg-slate-100" : "bg-indigo-50"}`}
        >
          <p className="font-semibold">
            {message.authorName}{" "}
            <span className="font-normal text-slate-600">
              {message.fromLearner ? "(learner)" : "(mentor)"} · <LocalTime value={message.createdAt} withTime />
            </span>
          </p>
          <p className="mt-1 whitespace-pre-wrap break-words">{message.body}</p>
        </li>
      ))}
    </ol>
  );
}

type MessageFormProps = {
  learnerId: string;
  milestone: { id: string; title: string };
  mentorId?: string;
  label: string;
};

/** Keeps the text on any failure; announces success; never disables the focused button. */
function MessageForm({ learnerId, milestone, mentorId, label }: MessageFormProps) {
  const router = useRouter();
  const id = useId();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [posted, setPosted] = useState(false);
  const [pending, startTransition] = useTransition();

  const post = () => {
    if (pending) return;
    startTransition(async () => {
      setError(null);
      setPosted(false);
      try {
        const result = await postMilestoneMessageAction({ learnerId, milestoneId: milestone.id, mentorId, body });
        if (!result.ok) return setError(result.fieldErrors?.body?.[0] ?? result.error);
        setBody("");
        setPosted(true);
        router.refresh();
      } catch {
        setError("We couldn't reach the server. Your text is still here: try again.");
      }
    });
  };

  return (
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
      {error ? <Alert id={`${id}-error`}>{error}</Alert> : null}
      <p role="status" className="text-sm text-emerald-800 empty:hidden">
        {posted ? "Posted." : ""}
      </p>
      <div>
        <button
          type="submit"
          aria-disabled={pending || undefined}
          className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-800 aria-disabled:opacity-70"
        >
          {pending ? "Posting…" : "Post"}
          <span className="sr-only">
            {" "}
            {label.toLowerCase()} on {milestone.title}
          </span>
        </button>
      </div>
    </form>
  );
}
