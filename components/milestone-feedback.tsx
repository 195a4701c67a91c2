"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition, type ReactNode, type Ref } from "react";
import {
  deleteMilestoneMessageAction,
  editMilestoneMessageAction,
  postMilestoneMessageAction,
  setMilestoneReviewedAction,
} from "@/lib/actions/mentorship";
import type { Thread, ThreadMessage } from "@/lib/data/feedback";
import { feedbackAnchorId } from "@/lib/domain/feedback-links";
import { LazyDetails } from "./ui/lazy-details";
import { ActionButton } from "./ui/action-button";
import { LocalTime } from "./ui/local-time";
import { Alert } from "./ui/alert";
import { useActionRunner } from "./use-action-runner";

// The Markdown renderer is a third of the roadmap page's script: only a page with messages loads it.
const NoteMarkdown = dynamic(() => import("./note-markdown").then((module) => module.NoteMarkdown));

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
      <FeedbackGroup milestone={milestone} className="mt-3 gap-3 border-t border-slate-100 pt-3 pl-8">
        {reviewLine}
        {threads.map((thread) => (
          <div key={thread.mentorId ?? "former"} className="flex flex-col gap-2">
            <h4 className="text-sm font-semibold">Feedback from {thread.mentorName}</h4>
            <Messages thread={thread} milestone={milestone} as={as} />
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
      </FeedbackGroup>
    );
  }

  const own = threads[0];
  // A mentor sees every milestone: keep the form folded until wanted, open where a thread exists.
  return (
    <FeedbackGroup milestone={milestone} className="mt-2 pl-8">
      <LazyDetails
        defaultOpen={own !== undefined}
        summary={
          <summary className="cursor-pointer text-sm font-medium text-indigo-700 underline-offset-4 hover:underline">
            Feedback{own ? ` (${own.messages.length})` : ""}
            <span className="sr-only"> on {milestone.title}</span>
          </summary>
        }
      >
        <div className="mt-2 flex flex-col gap-2">
          {reviewLine}
          {own ? <Messages thread={own} milestone={milestone} as={as} /> : null}
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
    </FeedbackGroup>
  );
}

/**
 * The milestone's feedback as one named, focusable group: a link to "#feedback-<id>" lands here
 * (see OpenFeedbackFromLink), and so does focus when a message in it is deleted.
 */
function FeedbackGroup({
  milestone,
  className,
  children,
}: {
  milestone: { id: string; title: string };
  className: string;
  children: ReactNode;
}) {
  return (
    <div
      id={feedbackAnchorId(milestone.id)}
      role="group"
      aria-label={`Feedback on ${milestone.title}`}
      tabIndex={-1}
      className={`flex scroll-mt-36 flex-col rounded-md focus:outline-2 focus:outline-offset-4 focus:outline-indigo-600 ${className}`}
    >
      {children}
    </div>
  );
}

type MessagesProps = { thread: Thread; milestone: { id: string; title: string }; as: "mentor" | "learner" };

function Messages({ thread, milestone, as }: MessagesProps) {
  const [deletedNotice, setDeletedNotice] = useState("");
  return (
    <>
      <ol aria-label={`Feedback from ${thread.mentorName} on ${milestone.title}`} className="flex flex-col gap-2">
        {thread.messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            milestone={milestone}
            // A mentor reads only their own thread; a learner's own words are their replies.
            mine={as === "learner" ? message.fromLearner : !message.fromLearner}
            onDeleted={() => {
              setDeletedNotice("Your message was deleted.");
              document.getElementById(feedbackAnchorId(milestone.id))?.focus();
            }}
          />
        ))}
      </ol>
      <p role="status" className="sr-only">
        {deletedNotice}
      </p>
    </>
  );
}

type MessageItemProps = {
  message: ThreadMessage;
  milestone: { id: string; title: string };
  mine: boolean;
  onDeleted: () => void;
};

/**
 * One message, in Markdown. Its author may edit it (it then says "edited") or delete it; a
 * deleted message disappears from the thread, as it is gone from the database too.
 */
function MessageItem({ message, milestone, mine, onDeleted }: MessageItemProps) {
  const router = useRouter();
  const id = useId();
  // What this page saved, shown until the refreshed page brings the same.
  const [saved, setSaved] = useState<{ body: string; editedAt: Date | null } | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const [deleted, setDeleted] = useState(false);
  const [askingDelete, setAskingDelete] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const wasAsking = useRef(false);
  const save = useActionRunner();
  const remove = useActionRunner();
  const { body, editedAt } = saved ?? message;
  const editing = draft !== null;

  // Focus follows the editor: into it when it opens, back to "Edit" when it closes.
  useEffect(() => {
    if (editing && !wasEditing.current) editor.current?.focus();
    if (!editing && wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  useEffect(() => {
    if (askingDelete) confirmButton.current?.focus();
    else if (wasAsking.current) deleteButton.current?.focus();
    wasAsking.current = askingDelete;
  }, [askingDelete]);

  if (deleted) return null;

  const submitEdit = () => {
    if (save.pending || draft === null) return;
    // On any failure the draft stays in the editor, with the reason beside it.
    save.run(
      async () => {
        const result = await editMilestoneMessageAction({ messageId: message.id, body: draft });
        // Say what is wrong with the text itself rather than that "some fields" are.
        return result.ok ? result : { ...result, error: result.fieldErrors?.body?.[0] ?? result.error };
      },
      (result) => {
        if (!result.ok) return;
        setSaved(result.data as { body: string; editedAt: Date | null });
        setDraft(null);
        router.refresh();
      },
    );
  };

  const confirmDelete = () => {
    if (remove.pending) return;
    remove.run(
      () => deleteMilestoneMessageAction({ messageId: message.id }),
      (result) => {
        if (!result.ok) return;
        setDeleted(true);
        onDeleted();
        router.refresh();
      },
    );
  };

  return (
    <li className={`rounded-md px-3 py-2 text-sm ${message.fromLearner ? "bg-slate-100" : "bg-indigo-50"}`}>
      <p className="font-semibold">
        {message.authorName}{" "}
        <span className="font-normal text-slate-600">
          {message.fromLearner ? "(learner)" : "(mentor)"} · <LocalTime value={message.createdAt} withTime />
          {editedAt ? " · edited" : null}
        </span>
      </p>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submitEdit();
          }}
          className="mt-1 flex flex-col gap-1"
        >
          <label htmlFor={`${id}-edit`} className="font-medium">
            Edit your message<span className="sr-only"> on {milestone.title}</span>
          </label>
          <textarea
            ref={editor}
            id={`${id}-edit`}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            rows={3}
            maxLength={2000}
            aria-invalid={save.error ? true : undefined}
            aria-describedby={save.error ? `${id}-edit-error` : undefined}
            className="rounded-md border border-slate-400 bg-white px-3 py-2"
          />
          {save.error ? <Alert id={`${id}-edit-error`}>{save.error}</Alert> : null}
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              aria-disabled={save.pending || undefined}
              className="rounded-md bg-indigo-700 px-3 py-1.5 font-semibold text-white hover:bg-indigo-800 aria-disabled:opacity-70"
            >
              {save.pending ? "Saving…" : "Save"}
              <span className="sr-only"> your message on {milestone.title}</span>
            </button>
            <button
              type="button"
              onClick={() => setDraft(null)}
              className="rounded-md border border-slate-400 px-3 py-1.5 font-medium hover:bg-slate-100"
            >
              Cancel<span className="sr-only"> editing your message on {milestone.title}</span>
            </button>
          </div>
        </form>
      ) : (
        <div className="mt-1">
          <NoteMarkdown body={body} htmlAsText />
        </div>
      )}
      {mine && !editing ? (
        <div className="mt-2 flex flex-wrap items-center gap-3">
          {askingDelete ? (
            <>
              <span id={`${id}-delete-question`}>Delete this message?</span>
              <MessageButton
                ref={confirmButton}
                onClick={confirmDelete}
                pending={remove.pending}
                describedBy={`${id}-delete-question`}
                danger
              >
                {remove.pending ? "Deleting…" : "Yes, delete it"}
              </MessageButton>
              <MessageButton onClick={() => setAskingDelete(false)}>Cancel</MessageButton>
            </>
          ) : (
            <>
              <MessageButton ref={editButton} onClick={() => setDraft(body)}>
                Edit<span className="sr-only"> your message on {milestone.title}</span>
              </MessageButton>
              <MessageButton ref={deleteButton} onClick={() => setAskingDelete(true)} danger>
                Delete<span className="sr-only"> your message on {milestone.title}</span>
              </MessageButton>
            </>
          )}
        </div>
      ) : null}
      {remove.error ? <Alert className="mt-1">{remove.error}</Alert> : null}
    </li>
  );
}

type MessageButtonProps = {
  onClick: () => void;
  children: ReactNode;
  danger?: boolean;
  pending?: boolean;
  describedBy?: string;
  ref?: Ref<HTMLButtonElement>;
};

function MessageButton({ onClick, children, danger, pending, describedBy, ref }: MessageButtonProps) {
  return (
    <button
      ref={ref}
      type="button"
      onClick={onClick}
      aria-disabled={pending || undefined}
      aria-describedby={describedBy}
      className={`font-medium underline underline-offset-4 aria-disabled:opacity-70 ${danger ? "text-red-800" : "text-indigo-700"}`}
    >
      {children}
    </button>
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
