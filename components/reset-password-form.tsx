"use client";

import Link from "next/link";
import { useState } from "react";
import { resetPasswordAction } from "@/lib/actions/password-reset";
import { Alert } from "./ui/alert";
import { FormAlert } from "./ui/form-alert";
import { SubmitButton } from "./ui/submit-button";
import { TextField } from "./ui/text-field";
import { useActionForm } from "./use-action-form";

type ResetPasswordFormProps = {
  token: string;
  /** The account's address, for password managers to file the new password under. */
  email: string;
  /** The same hint as sign-up's password field. */
  hint: string;
};

/**
 * Sets a new password with a mailed link; success leads to sign-in. A refused password stays
 * typed and the link stays usable; a link spent or expired meanwhile says so and offers a new one.
 */
export function ResetPasswordForm({ token, email, hint }: ResetPasswordFormProps) {
  const [newPassword, setNewPassword] = useState("");
  const { failure, pending, attempt, formProps } = useActionForm(resetPasswordAction);

  return (
    <form {...formProps} className="flex flex-col gap-4">
      {failure?.code === "CONFLICT" ? (
        <Alert
          key={attempt}
          variant="box"
          actions={
            <Link href="/forgot-password" className="font-medium text-red-900 underline underline-offset-4">
              Send a new link
            </Link>
          }
        >
          {failure.error}
        </Alert>
      ) : (
        <FormAlert key={attempt} failure={failure} />
      )}
      <input type="hidden" name="token" value={token} />
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={hint}
        required
        maxLength={1024}
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
        errors={failure?.fieldErrors?.newPassword}
      />
      <SubmitButton pending={pending} label="Set new password" pendingLabel="Setting password…" />
    </form>
  );
}
