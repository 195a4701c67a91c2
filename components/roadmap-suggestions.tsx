"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { answerAssignmentAction } from "@/lib/actions/roadmap-assignments";
import type { PendingAssignment } from "@/lib/data/roadmap-assignments";
import { Alert } from "./ui/alert";
import { useActionRunner } from "./use-action-runner";

/** Roadmaps mentors have assigned to the viewer, each with Accept and Decline. */
export function RoadmapSuggestions({ assignments }: { assignments: PendingAssignment[] }) {
  const headingId = useId();
  if (assignments.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-indigo-200 bg-indigo-50 p-4 sm:p-6">
      <h2 id={headingId} className="text-xl font-semibold">
        Roadmaps assigned to you
      </h2>
      <ul className="mt-3 flex flex-col gap-3">
        {assignments.map((assignment) => (
          <Suggestion key={assignment.id} assignment={assignment} />
        ))}
      </ul>
    </section>
  );
}

function Suggestion({ assignment }: { assignment: PendingAssignment }) {
  const router = useRouter();
  const { pending, error, run } = useActionRunner();
  const [declined, setDeclined] = useState(false);

  const answer = (accept: boolean) =>
    run(
      () => answerAssignmentAction({ assignmentId: assignment.id, accept }),
      (result) => {
        if (!result.ok) return;
        if (accept) router.push(`/roadmaps/${assignment.roadmapSlug}`);
        else setDeclined(true);
      },
    );

  if (declined) {
    return (
      <li role="status" className="rounded-lg bg-white p-3">
        You declined {assignment.roadmapTitle}.
      </li>
    );
  }
  return (
    <li className="rounded-lg bg-white p-3">
      <p>
        <span className="font-semibold">{assignment.mentorName}</span> assigned you{" "}
        <Link href={`/roadmaps/${assignment.roadmapSlug}`} className="font-semibold text-indigo-700 underline">
          {assignment.roadmapTitle}
        </Link>
        .
      </p>
      {assignment.roadmapSummary ? <p className="mt-1 text-sm text-slate-700">{assignment.roadmapSummary}</p> : null}
      {error ? <Alert className="mt-2">{error}</Alert> : null}
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => answer(true)}
          aria-disabled={pending || undefined}
          aria-label={`Accept ${assignment.roadmapTitle}`}
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 aria-disabled:opacity-70"
        >
          Accept
        </button>
        <button
          type="button"
          onClick={() => answer(false)}
          aria-disabled={pending || undefined}
          aria-label={`Decline ${assignment.roadmapTitle}`}
          className="rounded-md border border-slate-400 px-4 py-2 text-sm font-semibold hover:bg-slate-100 aria-disabled:opacity-70"
        >
          Decline
        </button>
      </div>
    </li>
  );
}
