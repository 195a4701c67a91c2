"use client";

import { useId } from "react";
import { importRoadmapFileAction } from "@/lib/actions/roadmap-authoring";
import { RoadmapFileProblems } from "../roadmap-file-problems";
import { FormAlert } from "../ui/form-alert";
import { FormSubmitRow } from "../ui/form-submit-row";
import { useActionForm } from "../use-action-form";

/** A roadmap file (exported from Waymark or written by hand) becomes a new private roadmap in the editor. */
export function ImportRoadmapForm() {
  const id = useId();
  const { result, failure, pending, attempt, formProps } = useActionForm(importRoadmapFileAction);
  const refused = result?.ok ? result.data : null;
  return (
    <form {...formProps} encType="multipart/form-data" className="flex max-w-xl flex-col gap-4">
      <FormAlert key={attempt} failure={failure} />
      {refused ? (
        <RoadmapFileProblems
          key={attempt}
          id={`${id}-problems`}
          fileName={refused.fileName}
          problems={refused.problems}
        />
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="text-sm font-medium">
          Roadmap file
        </label>
        <input
          id={`${id}-file`}
          type="file"
          name="file"
          accept=".yaml,.yml,.json,application/json,application/yaml"
          aria-describedby={`${id}-file-hint`}
          aria-invalid={failure?.fieldErrors?.file ? true : undefined}
          className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm file:font-medium"
        />
        <p id={`${id}-file-hint`} className="text-xs text-slate-600">
          YAML or JSON in the roadmap file format, up to 1 MB: a file downloaded from a roadmap&apos;s Versions page, or
          one you wrote. It becomes a private draft you can check before publishing.
        </p>
      </div>
      <FormSubmitRow pending={pending} label="Import roadmap" pendingLabel="Importing…" status={null} />
    </form>
  );
}
