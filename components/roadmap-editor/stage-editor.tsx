"use client";

import type { Dispatch, HTMLAttributes } from "react";
import type { DraftEvent, StageContent } from "@/lib/client/roadmap-draft";
import { EditorInput, EditorTextarea, monthOf, smallButton } from "./fields";
import { MilestoneEditor } from "./milestone-editor";
import type { DragProps, DragTarget, Dragged } from "./drag";
import { MoveButtons } from "./move-buttons";

type StageEditorProps = {
  stage: StageContent;
  index: number;
  stageCount: number;
  errorsAt: (path: string) => string[] | undefined;
  dispatch: Dispatch<DraftEvent>;
  onMoveStage: (direction: "up" | "down") => void;
  onMoveMilestone: (slug: string, direction: "up" | "down") => void;
  onAddMilestone: () => void;
  /** Native drag and drop: what a dragged item is, and where it lands. */
  dragProps: (target: DragTarget, dragged: Dragged) => DragProps;
  dropAtEnd: HTMLAttributes<HTMLElement>;
  /** Whether moving a milestone up or down can leave its stage for the one before or after. */
  isFirstStage: boolean;
  isLastStage: boolean;
};

export function StageEditor({
  stage,
  index,
  stageCount,
  errorsAt,
  dispatch,
  onMoveStage,
  onMoveMilestone,
  onAddMilestone,
  dragProps,
  dropAtEnd,
  isFirstStage,
  isLastStage,
}: StageEditorProps) {
  const path = `stages.${index}`;
  const name = stage.title.trim() || `stage ${index + 1}`;
  const edit = (changes: Extract<DraftEvent, { type: "stageEdited" }>["changes"]) =>
    dispatch({ type: "stageEdited", stage: stage.slug, changes });
  const drag = dragProps({ kind: "stage", stage: stage.slug }, { kind: "stage", slug: stage.slug });

  return (
    <li
      {...drag.item}
      aria-label={`Stage ${index + 1} of ${stageCount}: ${stage.title.trim() || "untitled"}`}
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-5"
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
          label="Stage title"
          className="min-w-48 flex-1"
          value={stage.title}
          maxLength={80}
          data-focus-key={`stage:${stage.slug}`}
          onChange={(event) => edit({ title: event.target.value })}
          errors={errorsAt(`${path}.title`)}
        />
        <div className="flex gap-1">
          <MoveButtons
            name={name}
            moveKey={`stage:${stage.slug}`}
            canMoveUp={index > 0}
            canMoveDown={index < stageCount - 1}
            onMove={onMoveStage}
          />
          <button
            type="button"
            aria-label={`Delete ${name}`}
            onClick={() => dispatch({ type: "stageDeleted", stage: stage.slug })}
            className={smallButton}
          >
            Delete
          </button>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-[1fr_9rem_9rem]">
        <EditorTextarea
          label="Stage summary (optional)"
          rows={2}
          maxLength={600}
          value={stage.summary}
          onChange={(event) => edit({ summary: event.target.value })}
          errors={errorsAt(`${path}.summary`)}
        />
        <EditorInput
          label="Start month"
          hint="Months from the start; blank for none."
          type="number"
          inputMode="numeric"
          min={0}
          max={240}
          value={stage.startMonth ?? ""}
          onChange={(event) => edit({ startMonth: monthOf(event.target.value) })}
          errors={errorsAt(`${path}.startMonth`)}
        />
        <EditorInput
          label="End month"
          hint="After the start; blank: open-ended."
          type="number"
          inputMode="numeric"
          min={0}
          max={240}
          value={stage.endMonth ?? ""}
          onChange={(event) => edit({ endMonth: monthOf(event.target.value) })}
          errors={
            errorsAt(`${path}.endMonth`) ??
            (stage.endMonth !== null && (stage.startMonth === null || stage.endMonth <= stage.startMonth)
              ? ["The end month must come after the start month."]
              : undefined)
          }
        />
      </div>
      <section aria-label={`Milestones of ${name}`} className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">Milestones</h3>
        {errorsAt(`${path}.milestones`) ? (
          <p className="text-sm text-red-800">{errorsAt(`${path}.milestones`)!.join(" ")}</p>
        ) : null}
        {stage.milestones.length === 0 ? (
          <p {...dropAtEnd} className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-600">
            No milestones yet. Add one, or drag one here.
          </p>
        ) : null}
        <ol className="flex flex-col gap-3">
          {stage.milestones.map((milestone, position) => (
            <MilestoneEditor
              key={milestone.slug}
              milestone={milestone}
              path={`${path}.milestones.${position}`}
              errorsAt={errorsAt}
              dispatch={dispatch}
              canMoveUp={position > 0 || !isFirstStage}
              canMoveDown={position < stage.milestones.length - 1 || !isLastStage}
              onMove={(direction) => onMoveMilestone(milestone.slug, direction)}
              onDelete={() => dispatch({ type: "milestoneDeleted", milestone: milestone.slug })}
              drag={dragProps(
                { kind: "milestone", stage: stage.slug, index: position },
                { kind: "milestone", slug: milestone.slug },
              )}
            />
          ))}
        </ol>
        <div>
          <button type="button" onClick={onAddMilestone} className={smallButton}>
            Add milestone<span className="sr-only"> to {name}</span>
          </button>
        </div>
      </section>
    </li>
  );
}
