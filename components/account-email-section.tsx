"use client";

import { useId, useState } from "react";
import { cancelEmailChangeAction, changeEmailAction, resendEmailChangeAction } from "@/lib/actions/account-profile";
import type { EmailStatus } from "@/lib/data/email-verification";
import { ActionButton } from "./ui/action-button";
import { FormAlert } from "./ui/form-alert";
import { FormSubmitRow } from "./ui/form-submit-row";
import { TextField } from "./ui/text-field";
import { SendLinkButton } from "./send-link-button";
import { useActionForm } from "./use-action-form";

type AccountEmailSectionProps = {
  status: EmailStatus;
  /** False for an account that only signs in through GitHub or Google: there is no password to ask for. */
  hasPassword: boolean;
};

const EMPTY = { newEmail: "", emailPassword: "" };

/**
 * The account's address, whether it is confirmed, and a change of address: the new one is
 * used only once its link is opened, and until then it is shown here, to send again or cancel.
 */
export function AccountEmailSection({ status, hasPassword }: AccountEmailSectionProps) {
  const headingId = useId();
  const [values, setValues] = useState(EMPTY);
  const { result, failure, pending, attempt, formProps } = useActionForm(
    async (previous: Parameters<typeof changeEmailAction>[0], formData: FormData) => {
      const outcome = await changeEmailAction(previous, formData);
      // Sent: the password is not kept, and the new address is shown as waiting below.
      if (outcome.ok) setValues(EMPTY);
      return outcome;
    },
  );

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id={headingId} className="text-lg font-semibold">
        Email
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        You sign in with <strong className="break-all">{status.email}</strong>.{" "}
        {status.verified
          ? "This address is confirmed."
          : "This address isn't confirmed yet: open the link we mailed to it."}
      </p>

      {status.pendingEmail ? (
        <div className="mt-4 flex flex-col gap-3 rounded-lg border border-indigo-200 bg-indigo-50 p-3 sm:p-4">
          <p className="text-sm text-indigo-950">
            Waiting for you to confirm <strong className="break-all">{status.pendingEmail}</strong>. Open the link we
            sent there to make it your address; until then, you keep using {status.email}.
          </p>
          <div className="flex flex-wrap items-start gap-3">
            <SendLinkButton
              action={resendEmailChangeAction}
              pendingLabel="Sending…"
              sentMessage="Sent. Check your inbox."
            >
              Send the link again
            </SendLinkButton>
            <ActionButton action={cancelEmailChangeAction} input={{}} pendingLabel="Cancelling…">
              Cancel the change
            </ActionButton>
          </div>
        </div>
      ) : null}

      <form {...formProps} className="mt-4 flex max-w-md flex-col gap-4">
        <FormAlert key={attempt} failure={failure} />
        <TextField
          name="newEmail"
          label="New email"
          hint="We'll send a link there. Your address changes once you open it."
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          value={values.newEmail}
          onChange={(event) => setValues((current) => ({ ...current, newEmail: event.target.value }))}
          errors={failure?.fieldErrors?.newEmail}
        />
        {hasPassword ? (
          <TextField
            name="emailPassword"
            label="Password"
            hint="To make sure it's you."
            type="password"
            autoComplete="current-password"
            required
            maxLength={1024}
            value={values.emailPassword}
            onChange={(event) => setValues((current) => ({ ...current, emailPassword: event.target.value }))}
            errors={failure?.fieldErrors?.emailPassword}
          />
        ) : null}
        <FormSubmitRow
          pending={pending}
          label="Change email"
          pendingLabel="Sending link…"
          status={result?.ok ? <span key={attempt}>We sent a link to {result.data.email}.</span> : null}
        />
      </form>
    </section>
  );
}
