"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions";
import { TextField } from "./ui/text-field";
import { useHydrated } from "./use-hydrated";

type Field = {
  name: string;
  label: string;
  type: "text" | "email" | "password";
  autoComplete: string;
  hint?: string;
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
  const [result, formAction, pending] = useActionState(submit, null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const failure = result && !result.ok ? result : null;
  const hasFieldErrors = Object.keys(failure?.fieldErrors ?? {}).length > 0;

  useEffect(() => {
    if (!result || result.ok) return;
    formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [result]);

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={() => setAttempt((n) => n + 1)}
      noValidate
      className="flex flex-col gap-4"
    >
      {failure ? (
        // A new element per attempt, so the same message is announced again after another try.
        <p
          key={attempt}
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {hasFieldErrors ? "Some fields need another look." : failure.error}
        </p>
      ) : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {sendTimeZone && hydrated ? (
        <input type="hidden" name="timeZone" value={Intl.DateTimeFormat().resolvedOptions().timeZone} />
      ) : null}
      {fields.map((field) => (
        <TextField
          key={field.name}
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
      ))}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800 disabled:opacity-70"
      >
        {pending ? pendingLabel : submitLabel}
      </button>
      <p className="text-sm text-slate-700">
        {footer.text}{" "}
        <Link href={footer.href} className="font-medium text-indigo-700 underline underline-offset-4">
          {footer.link}
        </Link>
      </p>
    </form>
  );
}
