"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/server/action";

/**
 * Runs a server action from a button, outside any form: `pending` while it runs, and in
 * `error` what the server refused, or that it could not be reached.
 */
export function useActionRunner() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const run = (call: () => Promise<ActionResult<unknown>>, then?: (result: ActionResult<unknown>) => void) => {
    // Cleared at once, not with the transition, so that a repeated refusal is a new alert, announced again.
    setError(null);
    startTransition(async () => {
      try {
        const result = await call();
        if (!result.ok) setError(result.error);
        then?.(result);
      } catch {
        setError("We couldn't reach the server. Check your connection and try again.");
      }
    });
  };

  return { pending, error, run };
}
