"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/server/action";
import type { CreatedInvite } from "@/lib/data/mentorships";
import { CopyLinkField } from "./ui/copy-link-field";
import { LocalTime } from "./ui/local-time";
import { Alert } from "./ui/alert";

type InviteLinkPanelProps = {
  create: (input: { days: number }) => Promise<ActionResult<CreatedInvite>>;
  explanation: string;
};

/** Creates an invite link and shows it in a read-only field with a copy button. */
export function InviteLinkPanel({ create, explanation }: InviteLinkPanelProps) {
  const router = useRouter();
  const id = useId();
  const [days, setDays] = useState(7);
  const [invite, setInvite] = useState<{ url: string; expiresAt: Date } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copyNotice, setCopyNotice] = useState("");
  const [pending, startTransition] = useTransition();
  const linkRef = useRef<HTMLInputElement>(null);

  // The new link gets focus and is selected, ready to copy: it is shown only this once.
  useEffect(() => {
    if (invite) linkRef.current?.focus();
  }, [invite]);

  const submit = () => {
    if (pending) return;
    startTransition(async () => {
      setError(null);
      setCopyNotice("");
      try {
        const result = await create({ days });
        if (!result.ok) return setError(result.error);
        setInvite({ url: `${window.location.origin}/invite/${result.data.token}`, expiresAt: result.data.expiresAt });
        router.refresh();
      } catch {
        setError("We couldn't reach the server. Check your connection and try again.");
      }
    });
  };

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">{explanation}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-days`} className="text-sm font-medium">
            Link expires after
          </label>
          <select
            id={`${id}-days`}
            value={days}
            onChange={(event) => setDays(Number(event.target.value))}
            className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm"
          >
            <option value={1}>1 day</option>
            <option value={7}>7 days</option>
            <option value={30}>30 days</option>
          </select>
        </div>
        <button
          type="button"
          onClick={submit}
          aria-disabled={pending || undefined}
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 aria-disabled:opacity-70"
        >
          {pending ? "Creating…" : "Create invite link"}
        </button>
      </div>
      {invite ? (
        <div className="flex flex-col gap-1 rounded-lg bg-indigo-50 p-3">
          <CopyLinkField
            label="Invite link"
            url={invite.url}
            inputRef={linkRef}
            describedBy={`${id}-expiry`}
            onCopy={({ ok, message }) => (ok ? setCopyNotice(message) : setError(message))}
          />
          <p id={`${id}-expiry`} className="text-sm text-slate-700">
            Copy it now: for your safety it is shown only this once. Expires <LocalTime value={invite.expiresAt} />.
            Anyone with the link can see your name; nothing is shared until they accept.
          </p>
          <p role="status" className="text-sm text-emerald-800">
            {copyNotice}
          </p>
        </div>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
