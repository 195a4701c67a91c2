import type { FieldErrors } from "@/lib/domain/errors";

/*
 * The roadmap file format's shapes, as the editor handles them (db/content/content-schema.ts
 * holds the format; lib/client/ may not import db/, and a unit test keeps the two the same).
 */
export const RESOURCE_KINDS = ["docs", "course", "book", "video", "practice", "certificate"] as const;
export type ResourceContent = {
  title: string;
  kind: (typeof RESOURCE_KINDS)[number];
  free: boolean;
  provider?: string | undefined;
  url?: string | undefined;
};
export type MilestoneContent = {
  slug: string;
  title: string;
  description: string;
  whyItMatters: string;
  skills: string[];
  tools: string[];
  resources: ResourceContent[];
  doneWhen: string[];
  practice: string;
};
export type StageContent = {
  slug: string;
  title: string;
  summary: string;
  startMonth: number | null;
  endMonth: number | null;
  milestones: MilestoneContent[];
};
export type RoadmapContent = {
  $schema?: string | undefined;
  format?: "waymark-roadmap/1" | undefined;
  slug: string;
  title: string;
  summary: string;
  stages: StageContent[];
  salaryGuides: unknown[];
  salaryCaveat: string;
};

/*
 * The roadmap editor's state: the draft on screen, what was last saved of it, and the save's
 * status. Edits never wait for the server, and nothing the server answers replaces the text
 * on screen except the author's own choice ("Use the other version").
 */

/** The pause after the last edit before the draft saves itself. */
export const DRAFT_AUTOSAVE_AFTER_MS = 800;
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 30_000;

export type SavedDraft = { draft: RoadmapContent; revision: number };

type DraftSaveStatus =
  | { kind: "idle" }
  | { kind: "saving"; edits: number }
  | { kind: "saved" }
  | { kind: "failed"; message: string; retryInMs: number | null }
  /** Another tab or device saved first: the author chooses which version stays. */
  | { kind: "conflict"; other: SavedDraft };

/** What a delete took away, to put back where it was. */
export type DeletedItem =
  | { kind: "stage"; stage: StageContent; index: number }
  | { kind: "milestone"; milestone: MilestoneContent; stageSlug: string; index: number };

export type DraftEditor = {
  draft: RoadmapContent;
  saved: SavedDraft;
  /** Counts the edits made here; `savedEdits` is the count the last successful save included. */
  edits: number;
  savedEdits: number;
  status: DraftSaveStatus;
  retryDelayMs: number;
  /** The server's problems with the last save, by field path ("stages.0.milestones.2.title"). */
  fieldErrors: FieldErrors;
  deleted: DeletedItem | null;
  /** Said by the live region: where a moved item went, what was deleted or restored. */
  announcement: string;
};

export type StageChanges = Partial<Pick<StageContent, "title" | "summary" | "startMonth" | "endMonth">>;
export type MilestoneChanges = Partial<
  Pick<MilestoneContent, "title" | "description" | "practice" | "resources" | "doneWhen">
>;

export type DraftEvent =
  | { type: "roadmapEdited"; changes: Partial<Pick<RoadmapContent, "title" | "summary">> }
  | { type: "stageAdded"; slug: string }
  | { type: "stageEdited"; stage: string; changes: StageChanges }
  | { type: "stageDeleted"; stage: string }
  | { type: "stageMoved"; stage: string; to: number }
  | { type: "milestoneAdded"; stage: string; slug: string }
  | { type: "milestoneEdited"; milestone: string; changes: MilestoneChanges }
  | { type: "milestoneDeleted"; milestone: string }
  | { type: "milestoneMoved"; milestone: string; toStage: string; to: number }
  | { type: "resourceAdded"; milestone: string }
  | { type: "resourceEdited"; milestone: string; index: number; changes: Partial<ResourceContent> }
  | { type: "resourceRemoved"; milestone: string; index: number }
  | { type: "doneWhenAdded"; milestone: string }
  | { type: "doneWhenEdited"; milestone: string; index: number; text: string }
  | { type: "doneWhenRemoved"; milestone: string; index: number }
  | { type: "restored" }
  | { type: "undoExpired" }
  /** Changes this tab had not saved before a reload, written on `baseRevision`. */
  | { type: "unsavedRecovered"; draft: RoadmapContent; baseRevision: number }
  | { type: "saveStarted" }
  | { type: "saveSucceeded"; saved: SavedDraft; edits: number }
  | { type: "saveRefused"; message: string; fieldErrors: FieldErrors }
  | { type: "saveUnreachable" }
  | { type: "saveConflicted"; other: SavedDraft }
  | { type: "keptMine" }
  | { type: "otherVersionTaken" };

/** "Done when" items beyond these are refused by the server; 2 to 5 read best. */
export const DONE_WHEN_MAX = 5;

export function initialDraftEditor(saved: SavedDraft, unsaved?: RoadmapContent): DraftEditor {
  return {
    draft: unsaved ?? saved.draft,
    saved,
    edits: unsaved ? 1 : 0,
    savedEdits: 0,
    status: { kind: "idle" },
    retryDelayMs: FIRST_RETRY_MS,
    fieldErrors: {},
    deleted: null,
    announcement: "",
  };
}

export function hasUnsavedChanges(editor: DraftEditor): boolean {
  return editor.edits !== editor.savedEdits;
}

export const newMilestone = (slug: string): MilestoneContent => ({
  slug,
  title: "",
  description: "",
  whyItMatters: "",
  skills: [],
  tools: [],
  resources: [],
  doneWhen: [],
  practice: "",
});

const newStage = (slug: string): StageContent => ({
  slug,
  title: "",
  summary: "",
  startMonth: null,
  endMonth: null,
  milestones: [],
});

/** Every stage and milestone slug of the draft: a new one must not reuse any. */
export function draftSlugs(draft: RoadmapContent): Set<string> {
  return new Set(draft.stages.flatMap((stage) => [stage.slug, ...stage.milestones.map((one) => one.slug)]));
}

export function findMilestone(draft: RoadmapContent, slug: string) {
  for (const [stageIndex, stage] of draft.stages.entries()) {
    const index = stage.milestones.findIndex((one) => one.slug === slug);
    if (index >= 0) return { stage, stageIndex, milestone: stage.milestones[index]!, index };
  }
  return undefined;
}

const nameOf = (title: string, fallback: string) => (title.trim() ? title.trim() : fallback);

function moveWithin<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

function mapStages(draft: RoadmapContent, map: (stage: StageContent) => StageContent): RoadmapContent {
  return { ...draft, stages: draft.stages.map(map) };
}

function mapMilestone(
  draft: RoadmapContent,
  slug: string,
  map: (milestone: MilestoneContent) => MilestoneContent,
): RoadmapContent {
  return mapStages(draft, (stage) =>
    stage.milestones.some((one) => one.slug === slug)
      ? { ...stage, milestones: stage.milestones.map((one) => (one.slug === slug ? map(one) : one)) }
      : stage,
  );
}

/** An edit to the draft alone, with what the live region should say; undefined when it changes nothing. */
function edit(
  editor: DraftEditor,
  event: DraftEvent,
): { draft: RoadmapContent; deleted?: DeletedItem | null; announcement?: string } | undefined {
  const { draft } = editor;
  switch (event.type) {
    case "roadmapEdited":
      return { draft: { ...draft, ...event.changes } };
    case "stageAdded":
      return {
        draft: { ...draft, stages: [...draft.stages, newStage(event.slug)] },
        announcement: `Stage ${draft.stages.length + 1} added.`,
      };
    case "stageEdited":
      return {
        draft: mapStages(draft, (stage) => (stage.slug === event.stage ? { ...stage, ...event.changes } : stage)),
      };
    case "stageDeleted": {
      const index = draft.stages.findIndex((stage) => stage.slug === event.stage);
      if (index < 0) return undefined;
      const stage = draft.stages[index]!;
      return {
        draft: { ...draft, stages: draft.stages.filter((_, at) => at !== index) },
        deleted: { kind: "stage", stage, index },
        announcement: `Deleted ${nameOf(stage.title, "the stage")}.`,
      };
    }
    case "stageMoved": {
      const from = draft.stages.findIndex((stage) => stage.slug === event.stage);
      const to = Math.max(0, Math.min(event.to, draft.stages.length - 1));
      if (from < 0 || from === to) return undefined;
      const stage = draft.stages[from]!;
      return {
        draft: { ...draft, stages: moveWithin(draft.stages, from, to) },
        announcement: `${nameOf(stage.title, "Stage")} moved to position ${to + 1} of ${draft.stages.length}.`,
      };
    }
    case "milestoneAdded": {
      const stage = draft.stages.find((one) => one.slug === event.stage);
      if (!stage) return undefined;
      return {
        draft: mapStages(draft, (one) =>
          one === stage ? { ...one, milestones: [...one.milestones, newMilestone(event.slug)] } : one,
        ),
        announcement: `Milestone ${stage.milestones.length + 1} added to ${nameOf(stage.title, "the stage")}.`,
      };
    }
    case "milestoneEdited":
      return { draft: mapMilestone(draft, event.milestone, (one) => ({ ...one, ...event.changes })) };
    case "milestoneDeleted": {
      const found = findMilestone(draft, event.milestone);
      if (!found) return undefined;
      return {
        draft: mapStages(draft, (stage) =>
          stage === found.stage
            ? { ...stage, milestones: stage.milestones.filter((one) => one.slug !== event.milestone) }
            : stage,
        ),
        deleted: { kind: "milestone", milestone: found.milestone, stageSlug: found.stage.slug, index: found.index },
        announcement: `Deleted ${nameOf(found.milestone.title, "the milestone")}.`,
      };
    }
    case "milestoneMoved": {
      const found = findMilestone(draft, event.milestone);
      const target = draft.stages.find((stage) => stage.slug === event.toStage);
      if (!found || !target) return undefined;
      const without = mapStages(draft, (stage) =>
        stage === found.stage
          ? { ...stage, milestones: stage.milestones.filter((one) => one.slug !== event.milestone) }
          : stage,
      );
      const landing = without.stages.find((stage) => stage.slug === event.toStage)!;
      const to = Math.max(0, Math.min(event.to, landing.milestones.length));
      if (target === found.stage && to === found.index) return undefined;
      const moved = mapStages(without, (stage) =>
        stage === landing
          ? { ...stage, milestones: [...stage.milestones.slice(0, to), found.milestone, ...stage.milestones.slice(to)] }
          : stage,
      );
      const where = target === found.stage ? "" : ` in ${nameOf(target.title, "another stage")}`;
      return {
        draft: moved,
        announcement: `${nameOf(found.milestone.title, "Milestone")} moved to position ${to + 1} of ${landing.milestones.length + 1}${where}.`,
      };
    }
    case "resourceAdded":
      return {
        draft: mapMilestone(draft, event.milestone, (one) => ({
          ...one,
          resources: [...one.resources, { title: "", kind: "docs", free: true }],
        })),
      };
    case "resourceEdited":
      return {
        draft: mapMilestone(draft, event.milestone, (one) => ({
          ...one,
          resources: one.resources.map((resource, index) => {
            if (index !== event.index) return resource;
            const next = { ...resource, ...event.changes };
            // A blank address is no address: the format has none rather than an empty one.
            if (!next.url) delete next.url;
            return next;
          }),
        })),
      };
    case "resourceRemoved":
      return {
        draft: mapMilestone(draft, event.milestone, (one) => ({
          ...one,
          resources: one.resources.filter((_, index) => index !== event.index),
        })),
      };
    case "doneWhenAdded":
      return {
        draft: mapMilestone(draft, event.milestone, (one) =>
          one.doneWhen.length >= DONE_WHEN_MAX ? one : { ...one, doneWhen: [...one.doneWhen, ""] },
        ),
      };
    case "doneWhenEdited":
      return {
        draft: mapMilestone(draft, event.milestone, (one) => ({
          ...one,
          doneWhen: one.doneWhen.map((item, index) => (index === event.index ? event.text : item)),
        })),
      };
    case "doneWhenRemoved":
      return {
        draft: mapMilestone(draft, event.milestone, (one) => ({
          ...one,
          doneWhen: one.doneWhen.filter((_, index) => index !== event.index),
        })),
      };
    case "restored":
      return restore(editor);
    default:
      return undefined;
  }
}

function restore(editor: DraftEditor): ReturnType<typeof edit> {
  const { draft, deleted } = editor;
  if (!deleted) return undefined;
  if (deleted.kind === "stage") {
    const stages = [...draft.stages];
    stages.splice(Math.min(deleted.index, stages.length), 0, deleted.stage);
    return {
      draft: { ...draft, stages },
      deleted: null,
      announcement: `Restored ${nameOf(deleted.stage.title, "the stage")}.`,
    };
  }
  // Its stage may have gone since: it comes back in the first stage then.
  const home = draft.stages.find((stage) => stage.slug === deleted.stageSlug) ?? draft.stages[0];
  if (!home) return undefined;
  return {
    draft: mapStages(draft, (stage) => {
      if (stage !== home) return stage;
      const milestones = [...stage.milestones];
      milestones.splice(Math.min(deleted.index, milestones.length), 0, deleted.milestone);
      return { ...stage, milestones };
    }),
    deleted: null,
    announcement: `Restored ${nameOf(deleted.milestone.title, "the milestone")}.`,
  };
}

export function roadmapDraftReducer(editor: DraftEditor, event: DraftEvent): DraftEditor {
  switch (event.type) {
    case "undoExpired":
      return { ...editor, deleted: null };
    case "unsavedRecovered":
      // Saved on the revision it was written on: if another save came since, the author chooses.
      return {
        ...editor,
        draft: event.draft,
        saved: { ...editor.saved, revision: event.baseRevision },
        edits: editor.edits + 1,
      };
    case "saveStarted":
      return { ...editor, status: { kind: "saving", edits: editor.edits } };
    case "saveSucceeded":
      return {
        ...editor,
        saved: event.saved,
        savedEdits: event.edits,
        status: { kind: "saved" },
        retryDelayMs: FIRST_RETRY_MS,
        fieldErrors: {},
      };
    case "saveRefused":
      // Refused on its merits (a limit, a bad address): retrying would not help; the draft stays.
      return {
        ...editor,
        status: { kind: "failed", message: event.message, retryInMs: null },
        fieldErrors: event.fieldErrors,
      };
    case "saveUnreachable":
      return {
        ...editor,
        status: {
          kind: "failed",
          message: "Couldn't save: no connection to the server.",
          retryInMs: editor.retryDelayMs,
        },
        retryDelayMs: Math.min(editor.retryDelayMs * 2, MAX_RETRY_MS),
      };
    case "saveConflicted":
      return { ...editor, status: { kind: "conflict", other: event.other } };
    case "keptMine":
      // Saved next on the other revision, so this draft replaces it.
      return editor.status.kind === "conflict"
        ? { ...editor, saved: editor.status.other, savedEdits: -1, status: { kind: "idle" } }
        : editor;
    case "otherVersionTaken":
      return editor.status.kind === "conflict"
        ? {
            ...editor,
            draft: editor.status.other.draft,
            saved: editor.status.other,
            savedEdits: editor.edits,
            status: { kind: "saved" },
            fieldErrors: {},
          }
        : editor;
  }
  const changed = edit(editor, event);
  if (!changed) return editor;
  return {
    ...editor,
    draft: changed.draft,
    edits: editor.edits + 1,
    deleted: changed.deleted === undefined ? editor.deleted : changed.deleted,
    announcement: changed.announcement ?? editor.announcement,
  };
}

/** What keeps the draft from saving, found here before the server is asked; null when nothing. */
export function localDraftProblem(draft: RoadmapContent): string | null {
  if (!draft.title.trim()) return "Not saved yet: give the roadmap a title.";
  for (const stage of draft.stages) {
    if (!stage.title.trim()) return "Not saved yet: every stage needs a title.";
    if (stage.endMonth !== null && (stage.startMonth === null || stage.endMonth <= stage.startMonth)) {
      return `Not saved yet: “${stage.title.trim()}” must end after it starts.`;
    }
    for (const milestone of stage.milestones) {
      if (!milestone.title.trim()) return "Not saved yet: every milestone needs a title.";
      if (milestone.resources.some((resource) => !resource.title.trim())) {
        return `Not saved yet: every resource of “${milestone.title.trim()}” needs a title.`;
      }
      if (milestone.doneWhen.some((item) => !item.trim())) {
        return `Not saved yet: fill in or remove the empty “Done when” item of “${milestone.title.trim()}”.`;
      }
    }
  }
  return null;
}

/**
 * How long until the draft saves itself, or null when it waits: nothing unsaved, a save under
 * way, the author choosing between versions, a problem to fix first, or a refusal after which
 * only "Save now" tries again.
 */
export function draftAutosaveInMs(editor: DraftEditor): number | null {
  const { status } = editor;
  if (!hasUnsavedChanges(editor) || status.kind === "saving" || status.kind === "conflict") return null;
  if (localDraftProblem(editor.draft)) return null;
  return status.kind === "failed" ? status.retryInMs : DRAFT_AUTOSAVE_AFTER_MS;
}

export function draftStatusMessage(editor: DraftEditor): string {
  const { status } = editor;
  switch (status.kind) {
    case "saving":
      return "Saving…";
    case "failed":
      return status.retryInMs === null
        ? status.message
        : `${status.message} Trying again shortly; your changes are kept here.`;
    case "conflict":
      return "This roadmap was also changed in another tab or device. Keep your version, or use the other one.";
  }
  if (hasUnsavedChanges(editor)) return localDraftProblem(editor.draft) ?? "Unsaved changes";
  return status.kind === "saved" ? "Saved" : "";
}

/** JSON with sorted keys, so two drafts compare by content whatever order their keys came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/** Whether a draft says the same as a published version (what a file adds for editors aside). */
export function sameContent(draft: RoadmapContent, published: RoadmapContent | null): boolean {
  if (!published) return false;
  const strip = ({ $schema: _schema, format: _format, ...kept }: RoadmapContent) => kept;
  return canonical(strip(draft)) === canonical(strip(published));
}
