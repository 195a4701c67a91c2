type ProgressBarProps = { label: string; percent: number; size?: "sm" | "md" };

export function ProgressBar({ label, percent, size = "md" }: ProgressBarProps) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuenow={percent}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuetext={`${percent}% done`}
      className={`w-full overflow-hidden rounded-full bg-slate-200 ${size === "sm" ? "h-2" : "h-3"}`}
    >
      <div
        className="h-full rounded-full bg-emerald-600 transition-[width] duration-300"
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
