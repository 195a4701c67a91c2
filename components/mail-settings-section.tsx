"use client";

import { useId, useState } from "react";
import { saveMailPreferencesAction } from "@/lib/actions/mail-preferences";
import {
  allowedDeliveries,
  MAIL_DELIVERY_LABELS,
  MAIL_TOPIC_LABELS,
  NOTICE_TOPICS,
  REMINDER_TOPICS,
  type MailPreferences,
  type MailTopic,
} from "@/lib/domain/mail-preferences";
import { FormAlert } from "./ui/form-alert";
import { useActionForm } from "./use-action-form";

/** One topic's choice: a radio group named by its legend, with its hint and any error tied to it. */
function TopicChoice({
  topic,
  value,
  onChange,
  errors,
}: {
  topic: MailTopic;
  value: string;
  onChange: (value: string) => void;
  errors: string[] | undefined;
}) {
  const hintId = useId();
  const errorId = useId();
  const { label, hint } = MAIL_TOPIC_LABELS[topic];
  return (
    <fieldset
      className="flex flex-col gap-1 border-t border-slate-200 pt-3"
      aria-describedby={errors ? `${hintId} ${errorId}` : hintId}
      aria-invalid={errors ? true : undefined}
    >
      <legend className="float-left w-full font-medium">{label}</legend>
      <p id={hintId} className="text-sm text-slate-700">
        {hint}
      </p>
      <div className="flex flex-wrap gap-x-5 gap-y-1">
        {allowedDeliveries(topic).map((delivery) => (
          <label key={delivery} className="flex min-h-11 items-center gap-2 sm:min-h-0">
            <input
              type="radio"
              name={topic}
              value={delivery}
              checked={value === delivery}
              onChange={() => onChange(delivery)}
              className="size-4 accent-indigo-700"
            />
            {MAIL_DELIVERY_LABELS[delivery]}
          </label>
        ))}
      </div>
      {errors ? (
        <p id={errorId} className="text-sm text-red-800">
          {errors[0]}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The account's mail settings: per kind of mail, at once, in the daily digest, weekly or off. */
export function MailSettingsSection({ preferences, verified }: { preferences: MailPreferences; verified: boolean }) {
  const headingId = useId();
  const [values, setValues] = useState<Record<MailTopic, string>>(preferences);
  const { result, failure, pending, attempt, formProps } = useActionForm(saveMailPreferencesAction);

  const choice = (topic: MailTopic) => (
    <TopicChoice
      key={topic}
      topic={topic}
      value={values[topic]}
      onChange={(delivery) => setValues((current) => ({ ...current, [topic]: delivery }))}
      errors={failure?.fieldErrors?.[topic]}
    />
  );

  return (
    <section id="mail" aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id={headingId} className="text-lg font-semibold">
        Mail
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-700">
        Choose what Waymark mails you about. Daily digests and Monday reminders arrive around 8 in the morning, your
        time. Every mail also has a link to unsubscribe.
      </p>
      {verified ? null : (
        <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Confirm your address first: we only mail confirmed addresses.
        </p>
      )}
      <form {...formProps} className="flex flex-col gap-4">
        <FormAlert key={attempt} failure={failure} />
        <h3 className="font-semibold">Notifications</h3>
        {NOTICE_TOPICS.map(choice)}
        <h3 className="mt-2 font-semibold">Weekly reminders</h3>
        {REMINDER_TOPICS.map(choice)}
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 disabled:opacity-70"
          >
            {pending ? "Saving…" : "Save mail settings"}
          </button>
          <p role="status" className="text-sm text-emerald-800">
            {result?.ok && !pending ? "Mail settings saved." : null}
          </p>
        </div>
      </form>
    </section>
  );
}
