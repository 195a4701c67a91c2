import type { ReactNode } from "react";

type AlertProps = {
  children: ReactNode;
  /**
   * line: under the control it is about. box: framed, at the top of a form. banner: across
   * the page. invitation: a banner asking the visitor to do something rather than saying
   * something went wrong.
   */
  variant?: "line" | "box" | "banner" | "invitation";
  /** Links or buttons that act on the message, laid out beside it. */
  actions?: ReactNode;
  id?: string;
  /** Placement only (margins, width): the look comes from the variant. */
  className?: string;
};

const VARIANTS = {
  line: "text-sm text-red-800",
  box: "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800",
  banner: "rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-red-900",
  invitation: "rounded-lg border border-indigo-300 bg-indigo-50 px-4 py-3 text-indigo-950",
};

/**
 * A message screen readers announce as soon as it appears. The same text shown again by the
 * same element is not announced again: give it a new `key` per attempt when a repeat matters.
 */
export function Alert({ children, variant = "line", actions, id, className }: AlertProps) {
  const look = [VARIANTS[variant], className].filter(Boolean).join(" ");
  if (!actions) {
    return (
      <p id={id} role="alert" className={look}>
        {children}
      </p>
    );
  }
  return (
    <div id={id} role="alert" className={`flex flex-wrap items-center gap-3 ${look}`}>
      <p className="min-w-48 flex-1">{children}</p>
      {actions}
    </div>
  );
}
