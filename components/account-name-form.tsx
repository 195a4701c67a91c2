"use client";

import { useId, useState } from "react";
import { changeNameAction } from "@/lib/actions/account-profile";
import { FormAlert } from "./ui/form-alert";
import { FormSubmitRow } from "./ui/form-submit-row";
import { TextField } from "./ui/text-field";
import { useActionForm } from "./use-action-form";

/** The name mentors, the header and mails use. What was typed stays through an error. */
export function AccountNameForm({ name }: { name: string | null }) {
  const headingId = useId();
  const [value, setValue] = useState(name ?? "");
  const { result, failure, pending, attempt, formProps } = useActionForm(changeNameAction);

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id={headingId} className="text-lg font-semibold">
        Name
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-700">Your mentors and mentees see this name.</p>
      <form {...formProps} className="flex max-w-md flex-col gap-4">
        <FormAlert key={attempt} failure={failure} />
        <TextField
          name="name"
          label="Name"
          autoComplete="name"
          required
          maxLength={100}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          errors={failure?.fieldErrors?.name}
        />
        <FormSubmitRow
          pending={pending}
          label="Save name"
          pendingLabel="Saving name…"
          status={result?.ok ? <span key={attempt}>Name saved.</span> : null}
        />
      </form>
    </section>
  );
}
