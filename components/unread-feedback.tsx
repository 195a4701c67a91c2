import Link from "next/link";
import type { UnreadFeedback } from "@/lib/data/feedback";
import { LocalTime } from "./ui/local-time";

/** The dashboard's list of feedback threads with messages the viewer hasn't read, each a link into the thread. */
export function UnreadFeedbackSection({ threads }: { threads: UnreadFeedback[] }) {
  return (
    <section
      aria-labelledby="unread-feedback-heading"
      className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6"
    >
      <h2 id="unread-feedback-heading" className="text-xl font-semibold">
        Unread feedback
      </h2>
      {threads.length === 0 ? (
        <p className="mt-1 text-slate-700">You&apos;re all caught up: no unread feedback.</p>
      ) : (
        <ul className="mt-2 flex flex-col gap-2">
          {threads.map((thread) => (
            <li key={thread.href} className="rounded-lg border border-slate-200 p-3">
              <Link href={thread.href} className="font-semibold text-indigo-800 underline underline-offset-4">
                {thread.milestoneTitle}
              </Link>
              <p className="text-sm text-slate-700">
                {thread.menteeName ? `${thread.menteeName} replied` : `From ${thread.from.join(", ")}`} ·{" "}
                <LocalTime value={thread.latestAt} withTime />
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
