/** Loading placeholder: announced once to screen readers, then silent shapes. */
export function PageSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-4">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="h-9 w-2/3 animate-pulse rounded bg-slate-200" />
      <div aria-hidden="true" className="h-24 animate-pulse rounded-xl bg-slate-200" />
      <div aria-hidden="true" className="h-40 animate-pulse rounded-xl bg-slate-200" />
      <div aria-hidden="true" className="h-40 animate-pulse rounded-xl bg-slate-200" />
    </div>
  );
}
