"use client";

import { useState } from "react";
import { createRoadmapAction } from "@/lib/actions/roadmap-authoring";
import { FormAlert } from "../ui/form-alert";
import { FormSubmitRow } from "../ui/form-submit-row";
import { TextField } from "../ui/text-field";
import { useActionForm } from "../use-action-form";

/** The first step of a new roadmap: its title. It then opens in the editor. */
export function CreateRoadmapForm() {
  const [title, setTitle] = useState("");
  const { failure, pending, attempt, formProps } = useActionForm(createRoadmapAction);
  return (
    <form {...formProps} className="flex max-w-xl flex-col gap-4">
      <FormAlert key={attempt} failure={failure} />
      <TextField
        name="title"
        label="Title"
        hint="What the learner becomes or learns, such as “Data engineer” or “Spanish for travel”. You can change it later."
        required
        maxLength={120}
        autoComplete="off"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        errors={failure?.fieldErrors?.title}
      />
      <FormSubmitRow pending={pending} label="Create roadmap" pendingLabel="Creating roadmap…" status={null} />
    </form>
  );
}
