"use client";

import { useId, useState } from "react";
import { changePasswordAction } from "@/lib/actions/account";
import { FormAlert } from "./ui/form-alert";
import { TextField } from "./ui/text-field";
import { useActionForm } from "./use-action-form";

type ChangePasswordFormProps = {
  /** False for an account that only signs in through GitHub or Google: it sets a first password. */
  hasPassword: boolean;
  /** What the last submission did, as the page after it was told. */
  outcome: "changed" | "set" | null;
};

const EMPTY = { currentPassword: "", newPassword: "", confirmPassword: "" };

/**
 * Changes (or sets) the password. What was typed stays through an error; a success clears it,
 * and every other session has ended while this one carries on.
 */
export function ChangePasswordForm({ hasPassword, outcome }: ChangePasswordFormProps) {
  const headingId = useId();
  const [values, setValues] = useState(EMPTY);
  const { result, failure, pending, attempt, formProps } = useActionForm(changePasswordAction);

  const field = (name: keyof typeof EMPTY, label: string, autoComplete: string, hint?: string) => (
    <TextField
      name={name}
      label={label}
      type="password"
      autoComplete={autoComplete}
      hint={hint}
      required
      maxLength={1024}
      value={values[name]}
      onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
      errors={failure?.fieldErrors?.[name]}
    />
  );

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id={headingId} className="text-lg font-semibold">
        Password
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-700">
        {hasPassword
          ? "Changing your password signs you out on every other device."
          : "You sign in with GitHub or Google, so you have no password yet. Set one to also sign in with your email address; you won't be asked for a current password."}
      </p>
      <form {...formProps} className="flex max-w-md flex-col gap-4">
        <FormAlert key={attempt} failure={failure} />
        {hasPassword ? field("currentPassword", "Current password", "current-password") : null}
        {field("newPassword", "New password", "new-password", "A long passphrase works well: a few unrelated words.")}
        {field("confirmPassword", "New password again", "new-password")}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 disabled:opacity-70"
          >
            {pending ? "Saving password…" : hasPassword ? "Change password" : "Set password"}
          </button>
          {/* Always in the page, so screen readers announce the message when it appears. */}
          <p role="status" className="text-sm text-emerald-800">
            {outcome && !result
              ? `${outcome === "changed" ? "Password changed." : "Password set: you can now also sign in with your email address."} You've been signed out on your other devices.`
              : null}
          </p>
        </div>
      </form>
    </section>
  );
}
