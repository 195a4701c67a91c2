"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { CopyLinkField } from "./ui/copy-link-field";
import { publishShareLinkAction, revokeShareLinkAction } from "@/lib/actions/share-links";
import { Alert } from "./ui/alert";

type ShareLinkPanelProps = {
  roadmapSlug: string;
  origin: string;
  initial: { token: string; includeEvidence: boolean } | null;
};

const UNREACHABLE = "We couldn't reach the server. Check your connection and try again.";

/** Publishing, showing and withdrawing the learner's public progress page for one roadmap. */
export function ShareLinkPanel({ roadmapSlug, origin, initial }: ShareLinkPanelProps) {
  const id = useId();
  const [link, setLink] = useState(initial);
  const [includeEvidence, setIncludeEvidence] = useState(initial?.includeEvidence ?? false);
  const [confirmingStop, setConfirmingStop] = useState(false);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const stopButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const url = link ? `${origin}/share/${link.token}` : "";

  useEffect(() => {
    if (confirmingStop) confirmButton.current?.focus();
  }, [confirmingStop]);

  const run = (work: () => Promise<void>) =>
    startTransition(async () => {
      setError(null);
      setMessage("");
      try {
        await work();
      } catch {
        setError(UNREACHABLE);
      }
    });

  const publish = (evidence: boolean) =>
    run(async () => {
      const result = await publishShareLinkAction({ roadmapSlug, includeEvidence: evidence });
      if (!result.ok) return setError(result.error);
      const created = link === null;
      setLink({ token: result.data.token, includeEvidence: result.data.includeEvidence });
      setIncludeEvidence(result.data.includeEvidence);
      setMessage(
        created
          ? "Your public link is ready."
          : result.data.includeEvidence
            ? "Your evidence links are now shown on the public page."
            : "Your evidence links are no longer shown on the public page.",
      );
    });

  const revoke = () =>
    run(async () => {
      const result = await revokeShareLinkAction({ roadmapSlug });
      if (!result.ok) return setError(result.error);
      setLink(null);
      setConfirmingStop(false);
      setMessage("Sharing stopped. The old link now says the page is no longer shared.");
    });

  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        Share your progress
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {link
          ? `Anyone with this link sees your name and your progress on this roadmap${includeEvidence ? ", with your evidence links" : ""}. Your notes are never shown.`
          : "Publish a read-only page of your progress to send to anyone, such as a recruiter. Your notes are never shown on it."}
      </p>
      <div className="mt-3 flex flex-col gap-3">
        {link ? (
          <div className="flex flex-col gap-1">
            <CopyLinkField
              label="Public link"
              url={url}
              onCopy={({ ok, message }) => (ok ? setMessage(message) : setError(message))}
            />
            <a
              href={url}
              target="_blank"
              rel="noopener noreferrer"
              className="text-sm font-medium text-indigo-700 underline underline-offset-4"
            >
              Open the public page<span className="sr-only"> (opens in a new tab)</span>
            </a>
          </div>
        ) : null}
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={includeEvidence}
            disabled={pending}
            onChange={(event) => {
              setIncludeEvidence(event.target.checked);
              if (link) publish(event.target.checked);
            }}
            className="size-4 accent-indigo-700"
          />
          Show my evidence links on the public page
        </label>
        {!link ? (
          <button
            type="button"
            onClick={() => publish(includeEvidence)}
            aria-disabled={pending || undefined}
            className="self-start rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 aria-disabled:opacity-70"
          >
            {pending ? "Creating…" : "Create a public link"}
          </button>
        ) : confirmingStop ? (
          <div role="group" aria-labelledby={`${id}-stop-question`} className="flex flex-col gap-2">
            <p id={`${id}-stop-question`} className="text-sm text-slate-800">
              Stop sharing? The link will stop working for everyone you gave it to.
            </p>
            <div className="flex gap-2">
              <button
                ref={confirmButton}
                type="button"
                onClick={revoke}
                className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white"
              >
                {pending ? "Stopping…" : "Yes, stop sharing"}
              </button>
              <button
                type="button"
                onClick={() => {
                  setConfirmingStop(false);
                  requestAnimationFrame(() => stopButton.current?.focus());
                }}
                className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium"
              >
                Keep sharing
              </button>
            </div>
          </div>
        ) : (
          <button
            ref={stopButton}
            type="button"
            onClick={() => setConfirmingStop(true)}
            className="self-start rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50"
          >
            Stop sharing
          </button>
        )}
        <p role="status" className="text-sm text-emerald-800">
          {message}
        </p>
        {error ? <Alert>{error}</Alert> : null}
      </div>
    </section>
  );
}
