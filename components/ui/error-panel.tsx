"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect } from "react";
import { useDatabaseRecovery } from "../use-database-recovery";

type ErrorPanelProps = { error: Error & { digest?: string }; reset: () => void; title?: string };

/**
 * The message while the database is out of reach, for route errors and the root one alike. Its
 * panel is no alert then: the retrying status is the one thing a screen reader should announce.
 */
export function DatabaseOutageMessage() {
  return (
    <>
      <h1 className="text-xl font-semibold">Can&apos;t reach the database</h1>
      <p className="mt-2">
        Waymark can&apos;t reach its database right now. Everything you saved before is safe.{" "}
        <span role="status">Retrying every few seconds…</span>
      </p>
    </>
  );
}

/** What a route shows when rendering failed: a plain message and a way to try again. */
export function ErrorPanel({ error, reset, title = "Something went wrong" }: ErrorPanelProps) {
  const router = useRouter();
  // A server error needs the page fetched again, not just re-rendered from what failed.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  const { unreachable } = useDatabaseRecovery(retry);
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div
      role={unreachable ? undefined : "alert"}
      className="rounded-xl border border-red-300 bg-red-50 p-6 text-red-950"
    >
      {unreachable ? (
        <DatabaseOutageMessage />
      ) : (
        <>
          <h1 className="text-xl font-semibold">{title}</h1>
          <p className="mt-2">
            We couldn&apos;t load this page. Your saved progress is safe. Please try again in a moment.
            {error.digest ? <span className="mt-1 block text-sm text-red-900">Reference: {error.digest}</span> : null}
          </p>
        </>
      )}
      <button
        type="button"
        onClick={retry}
        className="mt-4 rounded-md bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900"
      >
        Try again
      </button>
    </div>
  );
}
