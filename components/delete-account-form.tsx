"use client";

import { useId, useState } from "react";
import { deleteAccountAction } from "@/lib/actions/account";
import { FormAlert } from "./ui/form-alert";
import { TextField } from "./ui/text-field";
import { useActionForm } from "./use-action-form";

type DeleteAccountFormProps = {
  /** False for an account that only signs in through GitHub or Google: it confirms with its email address. */
  hasPassword: boolean;
};

/**
 * Deletes the account for good, once the person has proved it is them and ticked a box
 * that says what will happen. On success the server signs them out and sends them home.
 */
export function DeleteAccountForm({ hasPassword }: DeleteAccountFormProps) {
  const headingId = useId();
  const confirmId = useId();
  const [secret, setSecret] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const { failure, pending, attempt, formProps } = useActionForm(deleteAccountAction);
  const confirmErrors = failure?.fieldErrors?.confirm;

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-red-300 bg-white p-4 sm:p-6">
      <h2 id={headingId} className="text-lg font-semibold text-red-800">
        Delete account
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-700">
        This removes your account, your progress, notes, evidence and share links, the feedback you gave as a mentor,
        and your mentorships on both sides. It can&apos;t be undone: download your data above first if you want to keep
        a copy.
      </p>
      <form {...formProps} className="flex max-w-md flex-col gap-4">
        <FormAlert key={attempt} failure={failure} />
        {hasPassword ? (
          <TextField
            name="password"
            label="Your password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={1024}
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
            errors={failure?.fieldErrors?.password}
          />
        ) : (
          <TextField
            name="email"
            label="Your email address"
            hint="Your account has no password, so type its email address to confirm it's you."
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
            errors={failure?.fieldErrors?.email}
          />
        )}
        <div className="flex flex-col gap-1">
          <label className="flex items-start gap-2 text-sm font-medium text-slate-800">
            <input
              type="checkbox"
              name="confirm"
              checked={confirmed}
              onChange={(event) => setConfirmed(event.target.checked)}
              required
              aria-invalid={confirmErrors ? true : undefined}
              aria-describedby={confirmErrors ? confirmId : undefined}
              className="mt-0.5 size-4"
            />
            Delete my account and all my data
          </label>
          {confirmErrors ? (
            <p id={confirmId} className="text-sm text-red-700">
              {confirmErrors.join(" ")}
            </p>
          ) : null}
        </div>
        <div>
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-70"
          >
            {pending ? "Deleting…" : "Delete account"}
          </button>
        </div>
      </form>
    </section>
  );
}
