"use client";

import { useId } from "react";
import { assignRoadmapAction } from "@/lib/actions/roadmap-assignments";
import type { MenteeAssignment } from "@/lib/data/roadmap-assignments";
import { FormAlert } from "./ui/form-alert";
import { FormSubmitRow } from "./ui/form-submit-row";
import { LocalTime } from "./ui/local-time";
import { useActionForm } from "./use-action-form";

const STATUS_WORDS: Record<MenteeAssignment["status"], string> = {
  pending: "waiting for an answer",
  accepted: "accepted",
  declined: "declined",
};

/** A mentor suggests one of the roadmaps they can see; the mentee accepts or declines it on their dashboard. */
export function AssignRoadmapForm({
  mentorshipId,
  learnerName,
  roadmaps,
  assignments,
}: {
  mentorshipId: string;
  learnerName: string;
  roadmaps: { slug: string; title: string }[];
  assignments: MenteeAssignment[];
}) {
  const headingId = useId();
  const { result, failure, pending, attempt, formProps } = useActionForm(assignRoadmapAction);

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        Assign a roadmap
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {learnerName} sees your suggestion on their dashboard and accepts or declines it. A private roadmap of yours
        becomes readable to them.
      </p>
      {roadmaps.length === 0 ? (
        <p className="mt-3 text-sm text-slate-700">There is no published roadmap to suggest yet.</p>
      ) : (
        <form {...formProps} className="mt-3 flex flex-col gap-3">
          <FormAlert key={attempt} failure={failure} />
          <input type="hidden" name="mentorshipId" value={mentorshipId} />
          <label className="flex flex-col gap-1 text-sm font-medium">
            Roadmap
            <select
              name="roadmapSlug"
              required
              className="rounded-md border border-slate-400 bg-white px-3 py-2 font-normal"
              aria-invalid={failure?.fieldErrors?.roadmapSlug ? true : undefined}
            >
              {roadmaps.map((roadmap) => (
                <option key={roadmap.slug} value={roadmap.slug}>
                  {roadmap.title}
                </option>
              ))}
            </select>
          </label>
          <FormSubmitRow
            pending={pending}
            label="Assign roadmap"
            pendingLabel="Assigning…"
            status={
              result?.ok ? (
                <span key={attempt}>
                  {result.data.status === "accepted"
                    ? `${learnerName} already accepted ${result.data.roadmapTitle}.`
                    : `Suggested ${result.data.roadmapTitle} to ${learnerName}.`}
                </span>
              ) : null
            }
          />
        </form>
      )}
      {assignments.length > 0 ? (
        <ul className="mt-3 flex flex-col gap-1 text-sm">
          {assignments.map((assignment) => (
            <li key={assignment.roadmapSlug}>
              <span className="font-medium">{assignment.roadmapTitle}</span>: {STATUS_WORDS[assignment.status]} (
              <LocalTime value={assignment.at} />)
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
