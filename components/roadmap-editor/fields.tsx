"use client";

import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";

/*
 * The editor's small fields: labelled, with the server's errors for their path beside them.
 * Unlike the account forms' TextField they carry no name: the editor saves its state, not a form.
 */

const inputLook = "w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-invalid:border-red-700";

function ErrorLine({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm text-red-800">
      {errors.join(" ")}
    </p>
  );
}

type Labelled = { label: string; hint?: string; errors?: string[] | undefined; className?: string };

export function EditorInput({
  label,
  hint,
  errors,
  className,
  ...input
}: Labelled & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={described || undefined}
        className={inputLook}
        {...input}
      />
      <ErrorLine id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function EditorTextarea({
  label,
  hint,
  errors,
  className,
  ...textarea
}: Labelled & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={described || undefined}
        className={inputLook}
        {...textarea}
      />
      <ErrorLine id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** A month count typed as a number; blank means none. */
export function monthOf(value: string): number | null {
  if (value.trim() === "") return null;
  const month = Number(value);
  return Number.isInteger(month) && month >= 0 ? month : null;
}

export const linkButton = "text-sm font-medium text-indigo-700 underline underline-offset-4 hover:text-indigo-900";
export const smallButton =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50";
export const primaryButton =
  "rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800 disabled:opacity-70";
