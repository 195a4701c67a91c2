"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import type { FailedChange } from "./use-set-milestone-status";
import { Alert } from "./ui/alert";

type FailedChangeAlertProps = { failed: FailedChange; signInHref: string; onRetry: () => void; onDismiss: () => void };

/** Shown inside the milestone whose change failed, where the learner's eye already is. */
export function FailedChangeAlert({ failed, signInHref, onRetry, onDismiss }: FailedChangeAlertProps) {
  const box = useRef<HTMLDivElement>(null);
  // A milestone ticked at the screen's bottom edge would put its message just below it, out of
  // sight: while the milestone is still on screen, the page moves just enough to show the message.
  useEffect(() => {
    const milestone = box.current?.parentElement;
    if (!milestone) return;
    const { top, bottom } = milestone.getBoundingClientRect();
    if (bottom > 0 && top < window.innerHeight) box.current?.scrollIntoView({ block: "nearest" });
  }, []);
  return (
    <div ref={box}>
      <Alert
        variant="box"
        className="mt-2"
        actions={
          <>
            {failed.code === "UNAUTHENTICATED" ? (
              <Link href={signInHref} className="rounded-md bg-red-800 px-3 py-1.5 text-sm font-medium text-white">
                Sign in again
              </Link>
            ) : (
              <button
                type="button"
                onClick={onRetry}
                className="rounded-md bg-red-800 px-3 py-1.5 text-sm font-medium text-white"
              >
                Try again
              </button>
            )}
            <button type="button" onClick={onDismiss} className="text-sm font-medium underline underline-offset-4">
              Dismiss
            </button>
          </>
        }
      >
        Couldn&apos;t save “{failed.title}”: {failed.message} Your change was undone.
      </Alert>
    </div>
  );
}

type UnsavedChangesSummaryProps = {
  failures: readonly FailedChange[];
  onRetryAll: () => void;
  onShow: (milestoneId: string) => void;
};

/**
 * With several failures spread over a long page, each milestone's own message may be screens
 * away: this bar stays at the bottom of the screen and leads to them. Each milestone's alert is
 * what screen readers announce, so the bar is a plain region rather than another alert.
 */
export function UnsavedChangesSummary({ failures, onRetryAll, onShow }: UnsavedChangesSummaryProps) {
  if (failures.length < 2) return null;
  const retryable = failures.some((failed) => failed.code !== "UNAUTHENTICATED");
  return (
    <section
      aria-label="Unsaved changes"
      className="sticky bottom-2 z-10 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-red-900 shadow-lg"
    >
      <p className="min-w-40 flex-1 font-medium">{failures.length} changes weren&apos;t saved.</p>
      {retryable ? (
        <button
          type="button"
          onClick={onRetryAll}
          className="rounded-md bg-red-800 px-3 py-1.5 text-sm font-medium text-white"
        >
          Try all again
        </button>
      ) : null}
      <button
        type="button"
        onClick={() => onShow(failures[0]!.milestoneId)}
        className="text-sm font-medium underline underline-offset-4"
      >
        Show the first
      </button>
    </section>
  );
}
