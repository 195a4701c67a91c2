"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { importLearnerDataAction } from "@/lib/actions/account-data";
import type { ImportReport } from "@/lib/domain/import-plan";
import { IMPORT_MAX_BYTES } from "@/lib/domain/export-format";
import { Alert } from "./ui/alert";

const EXPORTS = [
  {
    format: "json",
    label: "Download everything (JSON)",
    detail: "Complete: progress, history, notes, evidence, pace plan and feedback. Import reads this one.",
  },
  {
    format: "csv",
    label: "Download a spreadsheet (CSV)",
    detail: "One row per milestone, with its note and evidence links.",
  },
  { format: "md", label: "Download a checklist (Markdown)", detail: "Each roadmap as a checklist, stage by stage." },
] as const;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function ImportSummary({ report }: { report: ImportReport }) {
  const { roadmaps, milestones, notes, evidence, events } = report.imported;
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
      <p className="font-medium">
        {roadmaps === 0
          ? "Nothing was imported."
          : `Imported ${plural(roadmaps, "roadmap", "roadmaps")}: ${plural(milestones, "milestone", "milestones")}, ${plural(notes, "note", "notes")}, ${plural(evidence, "evidence link", "evidence links")} and ${plural(events, "history entry", "history entries")}.`}
      </p>
      {report.skipped.length > 0 ? (
        <>
          <p>{plural(report.skipped.length + report.skippedMore, "entry was", "entries were")} not imported:</p>
          <ul className="flex list-disc flex-col gap-1 pl-5 text-slate-800">
            {report.skipped.map((item, index) => (
              <li key={index}>
                <span className="font-mono text-xs">{item.where}</span>: {item.reason}
              </li>
            ))}
            {report.skippedMore > 0 ? (
              <li className="list-none">…and {report.skippedMore.toLocaleString("en-US")} more.</li>
            ) : null}
          </ul>
        </>
      ) : (
        <p>Nothing was skipped.</p>
      )}
    </div>
  );
}

/** Downloads of everything the learner owns, and an import that puts an export back. */
export function AccountDataSection() {
  const router = useRouter();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<{ text: string; attempt: number } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [pending, startTransition] = useTransition();
  const attempt = useRef(0);

  const fail = (text: string, focus?: HTMLInputElement | null) => {
    attempt.current += 1;
    setError({ text, attempt: attempt.current });
    focus?.focus();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const file = fileRef.current?.files?.[0];
    if (!file) return fail("Choose a Waymark export file (.json) first.", fileRef.current);
    if (file.size > IMPORT_MAX_BYTES) {
      return fail("That file is over 5 MB: Waymark imports files up to 5 MB.", fileRef.current);
    }
    if (!confirmed) return fail("Tick the box to confirm that the import replaces what is there.", confirmRef.current);
    const formData = new FormData(form);
    startTransition(async () => {
      setError(null);
      setReport(null);
      try {
        const result = await importLearnerDataAction(formData);
        if (!result.ok) return fail(result.fieldErrors?.file?.[0] ?? result.error);
        setReport(result.data);
        setConfirmed(false);
        form.reset();
        router.refresh();
      } catch {
        fail(
          "We couldn't reach the server, so we can't tell whether the import ran. Importing the same file again is safe.",
        );
      }
    });
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        Your data
      </h2>
      <p className="mt-1 text-sm text-slate-700">Download everything you keep in Waymark, whenever you like.</p>
      <ul className="mt-3 flex flex-col gap-2">
        {EXPORTS.map(({ format, label, detail }) => (
          <li key={format} className="text-sm">
            <a
              href={`/api/export?format=${format}`}
              download
              className="font-medium text-indigo-800 underline underline-offset-4"
            >
              {label}
            </a>
            <span className="text-slate-700"> — {detail}</span>
          </li>
        ))}
      </ul>

      <h3 className="mt-6 text-base font-semibold">Import an export</h3>
      <form onSubmit={submit} noValidate className="mt-2 flex max-w-xl flex-col gap-4">
        <p
          id={`${id}-warning`}
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          Importing <strong>replaces</strong> your progress, history, notes, evidence and pace plan on every roadmap in
          the file with what the file holds. Roadmaps that aren&apos;t in the file stay as they are. Your name, email
          and time zone are never changed, and mentor feedback isn&apos;t imported.
        </p>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-file`} className="text-sm font-medium">
            Waymark export file (.json)
          </label>
          <input
            ref={fileRef}
            id={`${id}-file`}
            type="file"
            name="file"
            accept="application/json,.json"
            aria-describedby={`${id}-file-hint`}
            className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm file:font-medium"
          />
          <p id={`${id}-file-hint`} className="text-xs text-slate-600">
            A JSON export from this page, up to 5 MB.
          </p>
        </div>
        <label className="flex items-start gap-2 text-sm font-medium text-slate-800">
          <input
            ref={confirmRef}
            type="checkbox"
            checked={confirmed}
            onChange={(event) => setConfirmed(event.target.checked)}
            aria-describedby={`${id}-warning`}
            className="mt-0.5 size-4"
          />
          I understand this replaces my progress, notes and evidence on the roadmaps in the file.
        </label>
        {error ? (
          // A new element per attempt, so the same message is announced again after another try.
          <Alert key={error.attempt} variant="box">
            {error.text}
          </Alert>
        ) : null}
        <div>
          <button
            type="submit"
            aria-disabled={pending || undefined}
            className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 aria-disabled:opacity-70"
          >
            {pending ? "Importing…" : "Import"}
          </button>
        </div>
        <div role="status">{report ? <ImportSummary report={report} /> : null}</div>
      </form>
    </section>
  );
}
