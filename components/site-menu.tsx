"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * The header's links and theme: in a row on wide screens, behind a "Menu" disclosure on phones and
 * small tablets, so the header stays one row there. Escape or a click elsewhere closes it; Escape
 * hands focus back to the button.
 */
export function SiteMenu({ children, badge }: { children: ReactNode; badge?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [openedOn, setOpenedOn] = useState(pathname);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();

  // A link in the menu took the visitor elsewhere: the new page starts with the menu closed.
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((current) => !current)}
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 lg:hidden"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 16 16"
          className="size-4"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.75"
        >
          {open ? <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" /> : <path d="M2 4h12M2 8h12M2 12h12" />}
        </svg>
        Menu
        {badge}
      </button>
      <div
        ref={panel}
        id={id}
        className={`${open ? "flex" : "hidden"} absolute inset-x-0 top-full flex-col items-start gap-1 border-b border-slate-200 bg-white px-4 py-3 shadow-lg sm:px-6 max-lg:[&>a]:py-2 lg:static lg:flex lg:flex-row lg:items-center lg:gap-4 lg:border-0 lg:p-0 lg:shadow-none`}
      >
        {children}
      </div>
    </>
  );
}
