"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

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
  // Open or closed is the element's own state after the first render; React only needs to
  // know whether it has been opened.
  const [initiallyOpen] = useState(defaultOpen);
  const [rendered, setRendered] = useState(defaultOpen);
  const element = useRef<HTMLDetailsElement>(null);
  // Opened before the page's script ran (a slow phone): that toggle event fired before React
  // listened, so the body would stay empty until closed and opened again.
  useEffect(() => {
    if (element.current?.open) setRendered(true);
  }, []);
  return (
    <details
      ref={element}
      id={id}
      open={initiallyOpen || undefined}
      onToggle={(event) => {
        if (event.currentTarget.open) setRendered(true);
      }}
      className={className}
    >
      {summary}
      {rendered ? children : null}
    </details>
  );
}
