"use client";

import { useState, type ReactNode } from "react";

type LazyDetailsProps = {
  summary: ReactNode;
  defaultOpen?: boolean;
  id?: string;
  className?: string;
  children: ReactNode;
};

/**
 * A <details> whose body is rendered the first time it opens and then kept, so nothing typed
 * in it is lost on closing. A roadmap page holds a hundred of these; closed ones cost the
 * phone nothing to hydrate.
 */
export function LazyDetails({ summary, defaultOpen = false, id, className, children }: LazyDetailsProps) {
  const [open, setOpen] = useState(defaultOpen);
  const [rendered, setRendered] = useState(defaultOpen);
  return (
    <details
      id={id}
      open={open || undefined}
      onToggle={(event) => {
        const nowOpen = event.currentTarget.open;
        setOpen(nowOpen);
        if (nowOpen) setRendered(true);
      }}
      className={className}
    >
      {summary}
      {rendered ? children : null}
    </details>
  );
}
