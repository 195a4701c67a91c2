"use client";

import { useEffect, useEffectEvent, useState } from "react";

const RETRY_EVERY_MS = 3000;

/**
 * For an error page: asks `/api/ready` whether the database is why the page failed, keeps
 * asking while it is out of reach, and calls `onRecovered` once it answers again, so the
 * page comes back by itself. A failure with the database fine is left to the page's button.
 */
export function useDatabaseRecovery(onRecovered: () => void): { unreachable: boolean } {
  const [unreachable, setUnreachable] = useState(false);
  const recovered = useEffectEvent(onRecovered);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wasUnreachable = false;
    const check = async () => {
      let state: "ready" | "unreachable" | "unknown" = "unknown";
      try {
        const response = await fetch("/api/ready", { cache: "no-store" });
        const body = (await response.json()) as { problem?: string };
        state = response.ok ? "ready" : body.problem === "unreachable" ? "unreachable" : "unknown";
      } catch {
        // The app server itself is out of reach: the browser's own error says more than we can.
      }
      if (stopped) return;
      if (state === "unreachable") {
        wasUnreachable = true;
        setUnreachable(true);
      } else if (state === "ready" && wasUnreachable) {
        recovered();
        return;
      } else if (state === "ready") {
        return;
      }
      timer = setTimeout(check, RETRY_EVERY_MS);
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  return { unreachable };
}
