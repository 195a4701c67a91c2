"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { newItemSlug } from "@/lib/domain/roadmap-slugs";
import {
  draftSlugs,
  findMilestone,
  localDraftProblem,
  type DraftEvent,
  type RoadmapContent,
  type SavedDraft,
} from "@/lib/client/roadmap-draft";
import { DeleteRoadmapForm } from "./delete-roadmap-form";
import type { DragProps, DragTarget, Dragged } from "./drag";
import { EditorInput, EditorTextarea, linkButton, smallButton } from "./fields";
import { PublishPanel, type Visibility } from "./publish-panel";
import { StageEditor } from "./stage-editor";
import { useRoadmapDraft } from "./use-roadmap-draft";

/** How long "Deleted … Undo" stays; long enough to reach it by keyboard from anywhere on the page. */
const UNDO_FOR_MS = 20_000;

type RoadmapEditorProps = {
  roadmapId: string;
  slug: string;
  initial: SavedDraft;
  visibility: Visibility;
  publishedVersion: number;
  published: RoadmapContent | null;
  /** The roadmap page's full address, for the unlisted link. */
  roadmapUrl: string;
};

/** Where focus goes once the list has re-rendered: a moved item's button, or a new item's title. */
type FocusRequest = { selector: string; fallback?: string };

export function RoadmapEditor({
  roadmapId,
  slug,
  initial,
  visibility,
  publishedVersion,
  published,
  roadmapUrl,
}: RoadmapEditorProps) {
  const { editor, dispatch: dispatchDraft, unsaved, statusMessage, save } = useRoadmapDraft({ roadmapId, initial });
  const { draft, status } = editor;
  // Once published, the roadmap can no longer be deleted, and has a page to open.
  const [publishedNow, setPublishedNow] = useState(publishedVersion);
  const focusRequest = useRef<FocusRequest | null>(null);
  const setFocusRequest = (request: FocusRequest) => {
    focusRequest.current = request;
  };
  const dragged = useRef<Dragged | null>(null);
  const errorsAt = (path: string) => editor.fieldErrors[path];
  // A deleted item's buttons go with it: focus moves to "Undo", the way back.
  const dispatch = (event: DraftEvent) => {
    dispatchDraft(event);
    if (event.type === "stageDeleted" || event.type === "milestoneDeleted")
      setFocusRequest({ selector: "[data-undo]" });
    // "Undo" goes with the notice: focus moves to the restored item's title.
    if (event.type === "restored" && editor.deleted) {
      const { deleted } = editor;
      const key = deleted.kind === "stage" ? `stage:${deleted.stage.slug}` : `milestone:${deleted.milestone.slug}`;
      setFocusRequest({ selector: `[data-focus-key="${key}"]` });
    }
  };

  // After the render that moved, added or deleted an item.
  useEffect(() => {
    const request = focusRequest.current;
    if (!request) return;
    focusRequest.current = null;
    const target =
      document.querySelector<HTMLElement>(`${request.selector}:not(:disabled)`) ??
      (request.fallback ? document.querySelector<HTMLElement>(request.fallback) : null);
    target?.focus();
  });

  useEffect(() => {
    if (!editor.deleted) return;
    const timer = setTimeout(() => dispatchDraft({ type: "undoExpired" }), UNDO_FOR_MS);
    return () => clearTimeout(timer);
  }, [editor.deleted, dispatchDraft]);

  const focusMoved = (key: string, direction: "up" | "down") => {
    const other = direction === "up" ? "down" : "up";
    setFocusRequest({ selector: `[data-move="${key}:${direction}"]`, fallback: `[data-move="${key}:${other}"]` });
  };

  const addStage = () => {
    const stageSlug = newItemSlug("stage", draftSlugs(draft));
    dispatch({ type: "stageAdded", slug: stageSlug });
    setFocusRequest({ selector: `[data-focus-key="stage:${stageSlug}"]` });
  };

  const addMilestone = (stage: string) => {
    const milestoneSlug = newItemSlug("milestone", draftSlugs(draft));
    dispatch({ type: "milestoneAdded", stage, slug: milestoneSlug });
    setFocusRequest({ selector: `[data-focus-key="milestone:${milestoneSlug}"]` });
  };

  const moveStage = (stageSlug: string, direction: "up" | "down") => {
    const from = draft.stages.findIndex((stage) => stage.slug === stageSlug);
    dispatch({ type: "stageMoved", stage: stageSlug, to: from + (direction === "up" ? -1 : 1) });
    focusMoved(`stage:${stageSlug}`, direction);
  };

  /** Up from a stage's first milestone or down from its last crosses into the stage next to it. */
  const moveMilestone = (milestoneSlug: string, direction: "up" | "down") => {
    const found = findMilestone(draft, milestoneSlug);
    if (!found) return;
    const { stageIndex, index, stage } = found;
    if (direction === "up" && index === 0) {
      const previous = draft.stages[stageIndex - 1];
      if (!previous) return;
      dispatch({
        type: "milestoneMoved",
        milestone: milestoneSlug,
        toStage: previous.slug,
        to: previous.milestones.length,
      });
    } else if (direction === "down" && index === stage.milestones.length - 1) {
      const next = draft.stages[stageIndex + 1];
      if (!next) return;
      dispatch({ type: "milestoneMoved", milestone: milestoneSlug, toStage: next.slug, to: 0 });
    } else {
      dispatch({
        type: "milestoneMoved",
        milestone: milestoneSlug,
        toStage: stage.slug,
        to: index + (direction === "up" ? -1 : 1),
      });
    }
    focusMoved(`milestone:${milestoneSlug}`, direction);
  };

  const drop = (target: DragTarget) => {
    const item = dragged.current;
    dragged.current = null;
    if (!item) return;
    if (item.kind === "stage") {
      const to = draft.stages.findIndex((stage) => stage.slug === target.stage);
      if (to >= 0) dispatch({ type: "stageMoved", stage: item.slug, to });
    } else if (target.kind === "milestone") {
      dispatch({ type: "milestoneMoved", milestone: item.slug, toStage: target.stage, to: target.index });
    } else {
      const stage = draft.stages.find((one) => one.slug === target.stage);
      if (stage)
        dispatch({ type: "milestoneMoved", milestone: item.slug, toStage: stage.slug, to: stage.milestones.length });
    }
  };

  const dragProps = (target: DragTarget, item: Dragged): DragProps => ({
    item: {
      onDragOver: (event) => {
        if (!dragged.current) return;
        // A stage lands before another stage; a milestone on a milestone, or at the end of a stage.
        if (dragged.current.kind === "stage" && target.kind !== "stage") return;
        event.preventDefault();
        event.stopPropagation();
      },
      onDrop: (event) => {
        if (!dragged.current) return;
        if (dragged.current.kind === "stage" && target.kind !== "stage") return;
        event.preventDefault();
        event.stopPropagation();
        drop(target);
      },
    },
    handle: {
      draggable: true,
      onDragStart: (event) => {
        event.stopPropagation();
        dragged.current = item;
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", item.slug);
        const container = event.currentTarget.closest("li");
        if (container) event.dataTransfer.setDragImage(container, 16, 16);
      },
      onDragEnd: () => {
        dragged.current = null;
      },
    },
  });

  return (
    <div className="flex flex-col gap-6">
      <p role="status" aria-live="polite" className="sr-only">
        {editor.announcement}
      </p>
      {/* Above the stages, so the save status is in view on a phone too. */}
      <div className="rounded-xl border border-slate-200 bg-white px-4 py-2">
        <div className="flex flex-wrap items-center gap-2">
          <p
            role="status"
            className={`text-sm ${status.kind === "failed" || status.kind === "conflict" ? "text-red-800" : "text-slate-700"}`}
          >
            {statusMessage || "All changes saved"}
          </p>
          {status.kind === "conflict" ? (
            <>
              <button type="button" className={linkButton} onClick={() => dispatch({ type: "keptMine" })}>
                Keep mine
              </button>
              <button type="button" className={linkButton} onClick={() => dispatch({ type: "otherVersionTaken" })}>
                Use the other version
              </button>
            </>
          ) : null}
          {status.kind === "failed" ? (
            <button type="button" className={linkButton} onClick={() => void save()}>
              Try again
            </button>
          ) : null}
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex flex-col gap-6">
          <section
            aria-labelledby="roadmap-details"
            className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-5"
          >
            <h2 id="roadmap-details" className="text-lg font-semibold">
              About the roadmap
            </h2>
            <EditorInput
              label="Title"
              value={draft.title}
              maxLength={120}
              onChange={(event) => dispatch({ type: "roadmapEdited", changes: { title: event.target.value } })}
              errors={errorsAt("title")}
            />
            <EditorTextarea
              label="Summary"
              hint="One or two sentences: who it is for and where it leads."
              rows={3}
              maxLength={600}
              value={draft.summary}
              onChange={(event) => dispatch({ type: "roadmapEdited", changes: { summary: event.target.value } })}
              errors={errorsAt("summary")}
            />
          </section>

          <section aria-labelledby="roadmap-stages" className="flex flex-col gap-3">
            <h2 id="roadmap-stages" className="text-lg font-semibold">
              Stages
            </h2>
            {errorsAt("stages") ? <p className="text-sm text-red-800">{errorsAt("stages")!.join(" ")}</p> : null}
            {draft.stages.length === 0 ? (
              <p className="rounded-xl border border-dashed border-slate-300 p-4 text-slate-700">
                No stages yet. A roadmap is a few stages, each with the milestones a learner works through.
              </p>
            ) : null}
            <ol className="flex flex-col gap-4">
              {draft.stages.map((stage, index) => (
                <StageEditor
                  key={stage.slug}
                  stage={stage}
                  index={index}
                  stageCount={draft.stages.length}
                  errorsAt={errorsAt}
                  dispatch={dispatch}
                  onMoveStage={(direction) => moveStage(stage.slug, direction)}
                  onMoveMilestone={moveMilestone}
                  onAddMilestone={() => addMilestone(stage.slug)}
                  dragProps={dragProps}
                  dropAtEnd={dragProps({ kind: "stage", stage: stage.slug }, { kind: "stage", slug: stage.slug }).item}
                  isFirstStage={index === 0}
                  isLastStage={index === draft.stages.length - 1}
                />
              ))}
            </ol>
            <div>
              <button type="button" onClick={addStage} className={smallButton} disabled={draft.stages.length >= 20}>
                Add stage
              </button>
              {draft.stages.length >= 20 ? (
                <span className="ml-2 text-sm text-slate-600">Twenty stages is the most a roadmap holds.</span>
              ) : null}
            </div>
          </section>
        </div>

        <aside className="flex flex-col gap-4 lg:sticky lg:top-20 lg:self-start">
          <PublishPanel
            roadmapId={roadmapId}
            slug={slug}
            roadmapUrl={roadmapUrl}
            initialVisibility={visibility}
            initialPublishedVersion={publishedVersion}
            initialPublished={published}
            saved={editor.saved}
            unsaved={unsaved}
            problem={localDraftProblem(draft)}
            save={save}
            onPublished={setPublishedNow}
          />
          {editor.deleted ? (
            // Not a live region itself: the editor's announces the deletion, and focus is on "Undo".
            <div className="fixed inset-x-4 bottom-4 z-20 mx-auto flex max-w-md flex-wrap items-center gap-3 rounded-xl border border-slate-300 bg-white p-3 text-sm shadow-lg">
              <p>
                Deleted{" "}
                {(editor.deleted.kind === "stage"
                  ? editor.deleted.stage.title
                  : editor.deleted.milestone.title
                ).trim() || (editor.deleted.kind === "stage" ? "an untitled stage" : "an untitled milestone")}
                .
              </p>
              <button type="button" data-undo className={smallButton} onClick={() => dispatch({ type: "restored" })}>
                Undo
              </button>
            </div>
          ) : null}
          {publishedNow === 0 ? <DeleteRoadmapForm roadmapId={roadmapId} title={draft.title} /> : null}
          {publishedNow > 0 ? (
            <Link href={`/roadmaps/${slug}`} className={linkButton}>
              Open the roadmap&apos;s page
            </Link>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
