"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/server/action";
import { Alert } from "./alert";
import { useActionRunner } from "../use-action-runner";

type ActionButtonProps<I> = {
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  children: ReactNode;
  pendingLabel: string;
  /** When set, a first click asks for confirmation with this text before anything happens. */
  confirm?: { question: string; yes: string };
  variant?: "default" | "primary" | "danger";
  className?: string;
  /** Where to go once it worked, when the current page would no longer make sense. */
  thenGoTo?: string;
};

const STYLES = {
  default: "rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100",
  primary: "rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800",
  danger: "rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50",
};

/** A button that runs one server action, then refreshes the page's server data; failures are said plainly. */
export function ActionButton<I>({
  action,
  input,
  children,
  pendingLabel,
  confirm,
  variant = "default",
  className,
  thenGoTo,
}: ActionButtonProps<I>) {
  const router = useRouter();
  const { pending, error, run: runAction } = useActionRunner();
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  // Focus follows the question: onto "yes" when it appears, back to the trigger when it goes.
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) triggerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const run = () =>
    runAction(
      () => action(input),
      (result) => {
        if (!result.ok) return;
        setAsking(false);
        if (thenGoTo) router.push(thenGoTo);
        else router.refresh();
      },
    );

  return (
    <div className={`flex flex-wrap items-center gap-2 ${className ?? ""}`}>
      {asking && confirm ? (
        <>
          <span id={questionId} className="text-sm">
            {confirm.question}
          </span>
          <button
            ref={confirmRef}
            type="button"
            onClick={() => !pending && run()}
            aria-disabled={pending || undefined}
            aria-describedby={questionId}
            className={STYLES.danger}
          >
            {pending ? pendingLabel : confirm.yes}
          </button>
          <button type="button" onClick={() => setAsking(false)} className={STYLES.default}>
            Cancel
          </button>
        </>
      ) : (
        <button
          ref={triggerRef}
          type="button"
          onClick={() => !pending && (confirm ? setAsking(true) : run())}
          aria-disabled={pending || undefined}
          className={STYLES[variant]}
        >
          {pending ? pendingLabel : children}
        </button>
      )}
      {error ? <Alert className="w-full">{error}</Alert> : null}
    </div>
  );
}
