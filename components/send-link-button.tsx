"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/server/action";
import { Alert } from "./ui/alert";
import { useActionRunner } from "./use-action-runner";

type SendLinkButtonProps = {
  action: (input: Record<string, never>) => Promise<ActionResult<unknown>>;
  children: string;
  pendingLabel: string;
  /** Said once the mail is queued; said again on each later send. */
  sentMessage: string;
};

/** A button that mails a link again, and says so in a status line that stays in the page. */
export function SendLinkButton({ action, children, pendingLabel, sentMessage }: SendLinkButtonProps) {
  const { pending, error, run } = useActionRunner();
  const [sends, setSends] = useState(0);

  const send = () => {
    if (pending) return;
    run(
      () => action({}),
      (result) => {
        if (result.ok) setSends((count) => count + 1);
      },
    );
  };

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <button
        type="button"
        onClick={send}
        aria-disabled={pending || undefined}
        className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
      >
        {pending ? pendingLabel : children}
      </button>
      {/* Always in the page, so screen readers announce the message when it appears. */}
      <p role="status" className="text-sm font-medium text-emerald-800">
        {sends > 0 && !pending ? <span key={sends}>{sentMessage}</span> : null}
      </p>
      {error ? <Alert className="w-full">{error}</Alert> : null}
    </div>
  );
}
