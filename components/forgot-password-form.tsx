"use client";

import Link from "next/link";
import { useState } from "react";
import { requestPasswordResetAction } from "@/lib/actions/password-reset";
import { FormAlert } from "./ui/form-alert";
import { SubmitButton } from "./ui/submit-button";
import { StatusNote } from "./ui/status-note";
import { TextField } from "./ui/text-field";
import { useActionForm } from "./use-action-form";

/**
 * Asks for a reset link. The answer is the same whether or not the address has an account; the
 * address stays typed, so a mistyped one can be corrected and sent again.
 */
export function ForgotPasswordForm() {
  const [email, setEmail] = useState("");
  const { result, failure, pending, attempt, formProps } = useActionForm(requestPasswordResetAction);

  return (
    <form {...formProps} className="flex flex-col gap-4">
      <FormAlert key={attempt} failure={failure} />
      {result?.ok ? <StatusNote key={attempt}>{result.data.message}</StatusNote> : null}
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        errors={failure?.fieldErrors?.email}
      />
      <SubmitButton pending={pending} label="Send reset link" pendingLabel="Sending…" />
      <p className="text-sm text-slate-700">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-medium text-indigo-700 underline underline-offset-4">
          Sign in
        </Link>
      </p>
    </form>
  );
}
