"use client";

import "./globals.css";
import { DatabaseOutageMessage } from "@/components/ui/error-panel";
import { useDatabaseRecovery } from "@/components/use-database-recovery";

const reload = () => window.location.reload();

/** Shown when even the root layout fails (for example, the database is unreachable). */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { unreachable } = useDatabaseRecovery(reload);
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900">
        <main className="mx-auto max-w-xl p-6">
          <div
            role={unreachable ? undefined : "alert"}
            className="rounded-xl border border-red-300 bg-red-50 p-6 text-red-950"
          >
            {unreachable ? (
              <DatabaseOutageMessage />
            ) : (
              <>
                <h1 className="text-xl font-semibold">Waymark is having trouble</h1>
                <p className="mt-2">
                  We couldn&apos;t load this page. Your saved progress is safe. Please try again in a moment.
                </p>
              </>
            )}
            <button
              type="button"
              onClick={() => {
                reset();
                reload();
              }}
              className="mt-4 rounded-md bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900"
            >
              Try again
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
