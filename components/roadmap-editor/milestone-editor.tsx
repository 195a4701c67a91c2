"use client";

import dynamic from "next/dynamic";
import { useState, type Dispatch } from "react";
import {
  DONE_WHEN_MAX,
  RESOURCE_KINDS,
  type DraftEvent,
  type MilestoneContent,
  type ResourceContent,
} from "@/lib/client/roadmap-draft";
import { EditorInput, EditorTextarea, linkButton, smallButton } from "./fields";
import { MoveButtons } from "./move-buttons";
import type { DragProps } from "./drag";

// The Markdown renderer loads when a preview is asked for, as on the roadmap page's notes.
const NoteMarkdown = dynamic(() => import("../note-markdown").then((module) => module.NoteMarkdown), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-600">Loading the preview…</p>,
});

const KIND_LABELS: Record<ResourceContent["kind"], string> = {
  docs: "Documentation",
  course: "Course",
  book: "Book",
  video: "Video",
  practice: "Practice",
  certificate: "Certificate",
};

type MilestoneEditorProps = {
  milestone: MilestoneContent;
  /** Its field errors' path prefix, "stages.0.milestones.2". */
  path: string;
  errorsAt: (path: string) => string[] | undefined;
  dispatch: Dispatch<DraftEvent>;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (direction: "up" | "down") => void;
  onDelete: () => void;
  drag: DragProps;
};

export function MilestoneEditor({
  milestone,
  path,
  errorsAt,
  dispatch,
  canMoveUp,
  canMoveDown,
  onMove,
  onDelete,
  drag,
}: MilestoneEditorProps) {
  const [preview, setPreview] = useState(false);
  const slug = milestone.slug;
  const name = milestone.title.trim() || "untitled milestone";
  const change = (changes: Extract<DraftEvent, { type: "milestoneEdited" }>["changes"]) =>
    dispatch({ type: "milestoneEdited", milestone: slug, changes });
  const detailErrors = Object.keys({
    description: 1,
    practice: 1,
    resources: 1,
    doneWhen: 1,
  }).some((field) => errorsAt(`${path}.${field}`) || hasNestedErrors(errorsAt, `${path}.${field}`));

  return (
    <li
      {...drag.item}
      data-milestone={slug}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
    >
      <div className="flex flex-wrap items-end gap-2">
        <span
          {...drag.handle}
          aria-hidden="true"
          title="Drag to move"
          className="cursor-grab self-center px-1 text-slate-500 select-none"
        >
          ⠿
        </span>
        <EditorInput
          label="Milestone title"
          className="min-w-48 flex-1"
          value={milestone.title}
          maxLength={120}
          data-focus-key={`milestone:${slug}`}
          onChange={(event) => change({ title: event.target.value })}
          errors={errorsAt(`${path}.title`)}
        />
        <div className="flex gap-1">
          <MoveButtons
            name={name}
            moveKey={`milestone:${slug}`}
            canMoveUp={canMoveUp}
            canMoveDown={canMoveDown}
            onMove={onMove}
          />
          <button type="button" onClick={onDelete} aria-label={`Delete ${name}`} className={smallButton}>
            Delete
          </button>
        </div>
      </div>
      <details open={detailErrors || undefined} className="rounded-md bg-white p-2">
        <summary className="cursor-pointer text-sm font-medium text-indigo-700">
          Details<span className="sr-only"> of {name}</span>
        </summary>
        <div className="mt-3 flex flex-col gap-4">
          <div className="flex flex-col gap-1">
            <div className="flex items-center justify-between gap-2">
              <span className="text-sm text-slate-600">Description: Markdown allowed.</span>
              <button type="button" onClick={() => setPreview((shown) => !shown)} className={linkButton}>
                {preview ? "Edit description" : "Preview description"}
              </button>
            </div>
            {preview ? (
              <div className="rounded-md border border-slate-300 p-3">
                {milestone.description.trim() ? (
                  <NoteMarkdown body={milestone.description} />
                ) : (
                  <p className="text-sm text-slate-600">Nothing written yet.</p>
                )}
              </div>
            ) : (
              <EditorTextarea
                label="Description"
                rows={4}
                maxLength={5000}
                value={milestone.description}
                onChange={(event) => change({ description: event.target.value })}
                errors={errorsAt(`${path}.description`)}
              />
            )}
          </div>
          <ResourcesEditor milestone={milestone} path={path} errorsAt={errorsAt} dispatch={dispatch} />
          <DoneWhenEditor milestone={milestone} path={path} errorsAt={errorsAt} dispatch={dispatch} />
          <EditorTextarea
            label="Practice idea"
            hint="A small project that puts the milestone to use."
            rows={2}
            maxLength={1000}
            value={milestone.practice}
            onChange={(event) => change({ practice: event.target.value })}
            errors={errorsAt(`${path}.practice`)}
          />
        </div>
      </details>
    </li>
  );
}

function hasNestedErrors(errorsAt: (path: string) => string[] | undefined, prefix: string): boolean {
  for (let index = 0; index < 20; index++) {
    if (errorsAt(`${prefix}.${index}`)) return true;
    for (const field of ["title", "url", "kind", "free"]) if (errorsAt(`${prefix}.${index}.${field}`)) return true;
  }
  return false;
}

type PartProps = Pick<MilestoneEditorProps, "milestone" | "path" | "errorsAt" | "dispatch">;

function ResourcesEditor({ milestone, path, errorsAt, dispatch }: PartProps) {
  const slug = milestone.slug;
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-semibold">Resources</legend>
      {errorsAt(`${path}.resources`) ? (
        <p className="text-sm text-red-800">{errorsAt(`${path}.resources`)!.join(" ")}</p>
      ) : null}
      {milestone.resources.length === 0 ? <p className="text-sm text-slate-600">No resources yet.</p> : null}
      <ol className="flex flex-col gap-3">
        {milestone.resources.map((resource, index) => {
          const at = `${path}.resources.${index}`;
          const edit = (changes: Partial<ResourceContent>) =>
            dispatch({ type: "resourceEdited", milestone: slug, index, changes });
          return (
            <li key={index} className="grid gap-2 rounded-md border border-slate-200 p-2 sm:grid-cols-2">
              <EditorInput
                label={`Resource ${index + 1} title`}
                value={resource.title}
                maxLength={200}
                onChange={(event) => edit({ title: event.target.value })}
                errors={errorsAt(`${at}.title`)}
              />
              <EditorInput
                label="Address (optional)"
                type="url"
                inputMode="url"
                placeholder="https://"
                value={resource.url ?? ""}
                maxLength={2000}
                onChange={(event) => edit({ url: event.target.value.trim() })}
                errors={errorsAt(`${at}.url`)}
              />
              <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
                Kind
                <select
                  value={resource.kind}
                  onChange={(event) => edit({ kind: event.target.value as ResourceContent["kind"] })}
                  className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base font-normal"
                >
                  {RESOURCE_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {KIND_LABELS[kind]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
                Cost
                <select
                  value={resource.free ? "free" : "paid"}
                  onChange={(event) => edit({ free: event.target.value === "free" })}
                  className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base font-normal"
                >
                  <option value="free">Free</option>
                  <option value="paid">Paid</option>
                </select>
              </label>
              <div className="sm:col-span-2">
                <button
                  type="button"
                  className={linkButton}
                  onClick={() => dispatch({ type: "resourceRemoved", milestone: slug, index })}
                >
                  Remove resource {index + 1}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <button
          type="button"
          className={smallButton}
          disabled={milestone.resources.length >= 20}
          onClick={() => dispatch({ type: "resourceAdded", milestone: slug })}
        >
          Add resource
        </button>
      </div>
    </fieldset>
  );
}

function DoneWhenEditor({ milestone, path, errorsAt, dispatch }: PartProps) {
  const slug = milestone.slug;
  const full = milestone.doneWhen.length >= DONE_WHEN_MAX;
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-semibold">Done when</legend>
      <p className="text-sm text-slate-600">
        Checks a learner can make before ticking the milestone off: two to five work best, five at most.
      </p>
      {errorsAt(`${path}.doneWhen`) ? (
        <p className="text-sm text-red-800">{errorsAt(`${path}.doneWhen`)!.join(" ")}</p>
      ) : null}
      <ol className="flex flex-col gap-2">
        {milestone.doneWhen.map((item, index) => (
          <li key={index} className="flex items-end gap-2">
            <EditorInput
              label={`Done when ${index + 1}`}
              className="flex-1"
              value={item}
              maxLength={200}
              onChange={(event) =>
                dispatch({ type: "doneWhenEdited", milestone: slug, index, text: event.target.value })
              }
              errors={errorsAt(`${path}.doneWhen.${index}`)}
            />
            <button
              type="button"
              className={smallButton}
              aria-label={`Remove done when ${index + 1}`}
              onClick={() => dispatch({ type: "doneWhenRemoved", milestone: slug, index })}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <div>
        <button
          type="button"
          className={smallButton}
          disabled={full}
          onClick={() => dispatch({ type: "doneWhenAdded", milestone: slug })}
        >
          Add a check
        </button>
        {full ? <span className="ml-2 text-sm text-slate-600">Five checks is the most.</span> : null}
      </div>
    </fieldset>
  );
}
