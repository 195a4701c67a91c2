"use client";

import Link from "next/link";
import { useState } from "react";
import type { ActionResult } from "@/lib/server/action";
import { FormAlert } from "./ui/form-alert";
import { SubmitButton } from "./ui/submit-button";
import { TextField } from "./ui/text-field";
import { useActionForm } from "./use-action-form";
import { useHydrated } from "./use-hydrated";

type Field = {
  name: string;
  label: string;
  type: "text" | "email" | "password";
  autoComplete: string;
  hint?: string;
  /** A way out beside the field, such as "Forgot password?". */
  link?: { href: string; text: string };
};

type AuthFormProps = {
  fields: Field[];
  submitLabel: string;
  pendingLabel: string;
  next?: string;
  submit: (previous: ActionResult<never> | null, formData: FormData) => Promise<ActionResult<never>>;
  footer: { text: string; href: string; link: string };
  /** Sends the browser's time zone along, so days are counted where the learner lives. */
  sendTimeZone?: boolean;
};

/**
 * Sign-in and sign-up share one form: inputs are controlled so nothing typed is lost
 * when the server answers with an error.
 */
export function AuthForm({
  fields,
  submitLabel,
  pendingLabel,
  next,
  submit,
  footer,
  sendTimeZone = false,
}: AuthFormProps) {
  const hydrated = useHydrated();
  const [values, setValues] = useState<Record<string, string>>({});
  // The server action itself, so the form also submits before (or without) JavaScript.
  const { failure, pending, attempt, formProps } = useActionForm(submit);

  return (
    <form {...formProps} className="flex flex-col gap-4">
      <FormAlert key={attempt} failure={failure} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {sendTimeZone && hydrated ? (
        <input type="hidden" name="timeZone" value={Intl.DateTimeFormat().resolvedOptions().timeZone} />
      ) : null}
      {fields.map((field) => (
        <div key={field.name} className="flex flex-col gap-1">
          <TextField
            name={field.name}
            label={field.label}
            type={field.type}
            autoComplete={field.autoComplete}
            hint={field.hint}
            required
            value={values[field.name] ?? ""}
            onChange={(event) => setValues((current) => ({ ...current, [field.name]: event.target.value }))}
            errors={failure?.fieldErrors?.[field.name]}
          />
          {field.link ? (
            <Link
              href={field.link.href}
              className="self-end text-sm font-medium text-indigo-700 underline underline-offset-4"
            >
              {field.link.text}
            </Link>
          ) : null}
        </div>
      ))}
      <SubmitButton pending={pending} label={submitLabel} pendingLabel={pendingLabel} />
      <p className="text-sm text-slate-700">
        {footer.text}{" "}
        <Link href={footer.href} className="font-medium text-indigo-700 underline underline-offset-4">
          {footer.link}
        </Link>
      </p>
    </form>
  );
}
