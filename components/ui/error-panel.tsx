"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect } from "react";

type ErrorPanelProps = { error: Error & { digest?: string }; reset: () => void; title?: string };

/** What a route shows when rendering failed: a plain message and a way to try again. */
export function ErrorPanel({ error, reset, title = "Something went wrong" }: ErrorPanelProps) {
  const router = useRouter();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="rounded-xl border border-red-300 bg-red-50 p-6 text-red-950">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2">
        We couldn&apos;t load this page. Your saved progress is safe. Please try again in a moment.
        {error.digest ? <span className="mt-1 block text-sm text-red-900">Reference: {error.digest}</span> : null}
      </p>
      <button
        type="button"
        // A server error needs the page fetched again, not just re-rendered from what failed.
        onClick={() =>
          startTransition(() => {
            router.refresh();
            reset();
          })
        }
        className="mt-4 rounded-md bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900"
      >
        Try again
      </button>
    </div>
  );
}
