"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/server/action";

/**
 * A form posting to a server action (so it also works before JavaScript): its result, its
 * failure if any, and the props that count attempts and move focus to the first bad field.
 */
export function useActionForm<T>(
  submit: (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>,
) {
  const [result, formAction, pending] = useActionState(submit, null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const failure = result && !result.ok ? result : null;

  useEffect(() => {
    if (!result || result.ok) return;
    formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [result]);

  return {
    result,
    failure,
    pending,
    attempt,
    formProps: { ref: formRef, action: formAction, onSubmit: () => setAttempt((n) => n + 1), noValidate: true },
  };
}
