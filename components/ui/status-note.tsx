import type { ReactNode } from "react";

/** A framed confirmation that something went as asked; screen readers read it out when it appears. */
export function StatusNote({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <p
      role="status"
      className={`rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ${className ?? ""}`}
    >
      {children}
    </p>
  );
}
