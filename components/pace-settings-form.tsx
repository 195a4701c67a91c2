"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { setPaceSettingsAction } from "@/lib/actions/pace";
import { formatDay } from "./pace-table";
import { useHydrated } from "./use-hydrated";

type PaceSettingsFormProps = {
  roadmapSlug: string;
  stages: { id: string; slug: string; title: string }[];
  initial: { plannedStart: string | null; targetDate: string | null; stageTargets: Record<string, string> };
  defaultStart: string;
  timeZone: string;
};

/** Start date, targets and time zone for pace; every field keeps what was typed if saving fails. */
export function PaceSettingsForm({ roadmapSlug, stages, initial, defaultStart, timeZone }: PaceSettingsFormProps) {
  const router = useRouter();
  const id = useId();
  const [plannedStart, setPlannedStart] = useState(initial.plannedStart ?? "");
  const [targetDate, setTargetDate] = useState(initial.targetDate ?? "");
  const [stageTargets, setStageTargets] = useState<Record<string, string>>(() =>
    Object.fromEntries(stages.map((stage) => [stage.slug, initial.stageTargets[stage.id] ?? ""])),
  );
  const [zone, setZone] = useState(timeZone);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  // The list differs between server and browser engines: offer it only once the browser runs.
  const hydrated = useHydrated();
  const zones = hydrated && typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  if (!zones.includes(zone)) zones.unshift(zone);

  const save = () =>
    startTransition(async () => {
      setMessage(null);
      try {
        const result = await setPaceSettingsAction({
          roadmapSlug,
          plannedStart,
          targetDate,
          stageTargets,
          timeZone: zone,
        });
        if (!result.ok) {
          setErrors(result.fieldErrors ?? {});
          setMessage({ ok: false, text: result.error });
          return;
        }
        setErrors({});
        setMessage({ ok: true, text: "Saved. Your pace is recalculated." });
        router.refresh();
      } catch {
        setMessage({ ok: false, text: "We couldn't reach the server. Your dates are still here: try again." });
      }
    });

  const dateField = (name: string, label: string, value: string, onChange: (value: string) => void, hint?: string) => {
    const fieldId = `${id}-${name}`;
    const fieldErrors = errors[name];
    return (
      <div key={name} className="flex flex-col gap-1">
        <label htmlFor={fieldId} className="text-sm font-medium">
          {label}
        </label>
        <input
          id={fieldId}
          type="date"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={fieldErrors ? true : undefined}
          aria-describedby={
            [hint ? `${fieldId}-hint` : null, fieldErrors ? `${fieldId}-error` : null].filter(Boolean).join(" ") ||
            undefined
          }
          className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm"
        />
        {hint ? (
          <p id={`${fieldId}-hint`} className="text-xs text-slate-600">
            {hint}
          </p>
        ) : null}
        {fieldErrors ? (
          <p id={`${fieldId}-error`} className="text-xs text-red-800">
            {fieldErrors.join(" ")}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      className="flex flex-col gap-4"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {dateField(
          "plannedStart",
          "Start date",
          plannedStart,
          setPlannedStart,
          `Leave empty to start from your first activity, ${formatDay(defaultStart)}.`,
        )}
        {dateField(
          "targetDate",
          "Finish the whole roadmap by",
          targetDate,
          setTargetDate,
          "Optional: stretches or squeezes every stage to fit.",
        )}
        {stages.map((stage) =>
          dateField(`stage-${stage.slug}`, `Finish ${stage.title} by`, stageTargets[stage.slug] ?? "", (value) =>
            setStageTargets((current) => ({ ...current, [stage.slug]: value })),
          ),
        )}
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-zone`} className="text-sm font-medium">
            Time zone
          </label>
          <select
            id={`${id}-zone`}
            value={zone}
            onChange={(event) => setZone(event.target.value)}
            className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm"
          >
            {zones.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <p className="text-xs text-slate-600">Streaks and pace count days in this zone.</p>
        </div>
      </div>
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-emerald-800" : "text-red-800"}`}
        >
          {message.text}
        </p>
      ) : null}
      <div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 disabled:opacity-70"
        >
          {pending ? "Saving…" : "Save pace plan"}
        </button>
      </div>
    </form>
  );
}
