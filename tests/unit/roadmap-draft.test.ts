import { describe, expect, it } from "vitest";
import {
  RESOURCE_KINDS as FORMAT_RESOURCE_KINDS,
  type RoadmapContent as FormatContent,
} from "@/db/content/content-schema";
import {
  DONE_WHEN_MAX,
  DRAFT_AUTOSAVE_AFTER_MS,
  draftAutosaveInMs,
  draftStatusMessage,
  hasUnsavedChanges,
  initialDraftEditor,
  localDraftProblem,
  roadmapDraftReducer,
  sameContent,
  RESOURCE_KINDS,
  type DraftEditor,
  type DraftEvent,
  type RoadmapContent,
} from "@/lib/client/roadmap-draft";

/** The editor's copy of the file format's shapes says the same as the format. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const formatsAgree: Same<Omit<RoadmapContent, "salaryGuides">, Omit<FormatContent, "salaryGuides">> = true;

const empty: RoadmapContent = {
  slug: "data-abc",
  title: "Data",
  summary: "",
  stages: [],
  salaryGuides: [],
  salaryCaveat: "",
};
const after = (editor: DraftEditor, ...events: DraftEvent[]) => events.reduce(roadmapDraftReducer, editor);
const fresh = () => initialDraftEditor({ draft: empty, revision: 3 });

/** Two stages, Basics (sql, python) and Later (spark), all titled. */
const built = () =>
  after(
    fresh(),
    { type: "stageAdded", slug: "basics" },
    { type: "stageEdited", stage: "basics", changes: { title: "Basics" } },
    { type: "milestoneAdded", stage: "basics", slug: "sql" },
    { type: "milestoneEdited", milestone: "sql", changes: { title: "SQL" } },
    { type: "milestoneAdded", stage: "basics", slug: "python" },
    { type: "milestoneEdited", milestone: "python", changes: { title: "Python" } },
    { type: "stageAdded", slug: "later" },
    { type: "stageEdited", stage: "later", changes: { title: "Later" } },
    { type: "milestoneAdded", stage: "later", slug: "spark" },
    { type: "milestoneEdited", milestone: "spark", changes: { title: "Spark" } },
  );
const outline = (editor: DraftEditor) =>
  editor.draft.stages.map((stage) => `${stage.slug}: ${stage.milestones.map((one) => one.slug).join(",")}`);

describe("editing a draft", () => {
  it("handles the roadmap file format's shapes", () => {
    expect(formatsAgree).toBe(true);
    expect(RESOURCE_KINDS).toEqual(FORMAT_RESOURCE_KINDS);
  });

  it("adds stages and milestones with the slugs given, which renames never change", () => {
    const editor = after(built(), { type: "stageEdited", stage: "basics", changes: { title: "Foundations" } });
    expect(outline(editor)).toEqual(["basics: sql,python", "later: spark"]);
    expect(editor.draft.stages[0]!.title).toBe("Foundations");
    expect(hasUnsavedChanges(editor)).toBe(true);
  });

  it("moves stages and milestones, within and across stages, and says where they went", () => {
    let editor = after(built(), { type: "milestoneMoved", milestone: "sql", toStage: "basics", to: 1 });
    expect(outline(editor)).toEqual(["basics: python,sql", "later: spark"]);
    expect(editor.announcement).toBe("SQL moved to position 2 of 2.");
    editor = after(editor, { type: "milestoneMoved", milestone: "sql", toStage: "later", to: 0 });
    expect(outline(editor)).toEqual(["basics: python", "later: sql,spark"]);
    expect(editor.announcement).toBe("SQL moved to position 1 of 2 in Later.");
    editor = after(editor, { type: "stageMoved", stage: "later", to: 0 });
    expect(outline(editor)).toEqual(["later: sql,spark", "basics: python"]);
    expect(editor.announcement).toBe("Later moved to position 1 of 2.");
    // A move past either end changes nothing.
    expect(after(editor, { type: "stageMoved", stage: "later", to: -1 })).toBe(editor);
  });

  it("deletes at once and puts a deleted item back where it was on undo", () => {
    const editor = after(built(), { type: "milestoneDeleted", milestone: "sql" });
    expect(outline(editor)).toEqual(["basics: python", "later: spark"]);
    expect(editor.deleted).toMatchObject({ kind: "milestone", stageSlug: "basics", index: 0 });
    const restored = after(editor, { type: "restored" });
    expect(outline(restored)).toEqual(["basics: sql,python", "later: spark"]);
    expect(restored.deleted).toBeNull();
    expect(restored.announcement).toBe("Restored SQL.");

    const stageGone = after(built(), { type: "stageDeleted", stage: "basics" }, { type: "restored" });
    expect(outline(stageGone)).toEqual(["basics: sql,python", "later: spark"]);
    expect(after(built(), { type: "stageDeleted", stage: "basics" }, { type: "undoExpired" }).deleted).toBeNull();
  });

  it("edits resources and at most five done-when items", () => {
    let editor = after(
      built(),
      { type: "resourceAdded", milestone: "sql" },
      { type: "resourceEdited", milestone: "sql", index: 0, changes: { title: "Docs", url: "https://x.example" } },
      { type: "resourceEdited", milestone: "sql", index: 0, changes: { url: "" } },
    );
    expect(editor.draft.stages[0]!.milestones[0]!.resources).toEqual([{ title: "Docs", kind: "docs", free: true }]);
    for (let index = 0; index < DONE_WHEN_MAX + 2; index++)
      editor = after(editor, { type: "doneWhenAdded", milestone: "sql" });
    expect(editor.draft.stages[0]!.milestones[0]!.doneWhen).toHaveLength(DONE_WHEN_MAX);
    editor = after(
      editor,
      { type: "doneWhenEdited", milestone: "sql", index: 0, text: "Can join" },
      { type: "doneWhenRemoved", milestone: "sql", index: 1 },
    );
    expect(editor.draft.stages[0]!.milestones[0]!.doneWhen).toEqual(["Can join", "", "", ""]);
    expect(localDraftProblem(editor.draft)).toMatch(/empty “Done when” item of “SQL”/);
  });
});

describe("saving a draft", () => {
  it("waits for titles, then saves after a pause, and keeps edits made during a save unsaved", () => {
    const untitled = after(fresh(), { type: "stageAdded", slug: "basics" });
    expect(draftAutosaveInMs(untitled)).toBeNull();
    expect(draftStatusMessage(untitled)).toBe("Not saved yet: every stage needs a title.");
    const editor = built();
    expect(draftAutosaveInMs(editor)).toBe(DRAFT_AUTOSAVE_AFTER_MS);
    const saving = after(editor, { type: "saveStarted" });
    expect(draftStatusMessage(saving)).toBe("Saving…");
    const typedMeanwhile = after(saving, { type: "roadmapEdited", changes: { summary: "More" } });
    const landed = after(typedMeanwhile, {
      type: "saveSucceeded",
      saved: { draft: editor.draft, revision: 4 },
      edits: editor.edits,
    });
    expect(hasUnsavedChanges(landed)).toBe(true);
    expect(landed.draft.summary).toBe("More");
    expect(draftStatusMessage(landed)).toBe("Unsaved changes");
  });

  it("keeps the draft through a refusal (with its field errors) and a lost connection, retrying only the latter", () => {
    const editor = built();
    const refused = after(
      editor,
      { type: "saveStarted" },
      {
        type: "saveRefused",
        message: "Couldn't save: Use an address starting with https://.",
        fieldErrors: { "stages.0.milestones.0.resources.0.url": ["Use an address starting with https://."] },
      },
    );
    expect(refused.draft).toBe(editor.draft);
    expect(draftAutosaveInMs(refused)).toBeNull();
    expect(refused.fieldErrors).toHaveProperty("stages.0.milestones.0.resources.0.url");
    const offline = after(editor, { type: "saveStarted" }, { type: "saveUnreachable" });
    expect(draftAutosaveInMs(offline)).toBe(2_000);
    expect(draftStatusMessage(offline)).toMatch(/your changes are kept here/);
  });

  it("on a conflict keeps the text on screen until the author chooses", () => {
    const editor = after(built(), { type: "saveStarted" });
    const other = { draft: { ...empty, title: "Other tab" }, revision: 9 };
    const conflicted = after(editor, { type: "saveConflicted", other });
    expect(conflicted.draft.title).toBe("Data");
    expect(draftAutosaveInMs(conflicted)).toBeNull();
    const kept = after(conflicted, { type: "keptMine" });
    expect(kept.saved.revision).toBe(9);
    expect(kept.draft.title).toBe("Data");
    expect(draftAutosaveInMs(kept)).toBe(DRAFT_AUTOSAVE_AFTER_MS);
    const taken = after(conflicted, { type: "otherVersionTaken" });
    expect(taken.draft.title).toBe("Other tab");
    expect(hasUnsavedChanges(taken)).toBe(false);
  });

  it("compares a draft with the published version by content, not key order", () => {
    const reordered = JSON.parse(
      JSON.stringify({ stages: [], title: "Data", slug: "data-abc", summary: "", salaryCaveat: "", salaryGuides: [] }),
    ) as RoadmapContent;
    expect(sameContent(empty, reordered)).toBe(true);
    expect(sameContent(empty, null)).toBe(false);
    expect(sameContent({ ...empty, title: "Data 2" }, empty)).toBe(false);
  });
});

describe("changes left unsaved by a reload", () => {
  it("come back unsaved, to be saved on the revision they were written on", () => {
    const recovered = after(fresh(), {
      type: "unsavedRecovered",
      draft: { ...empty, title: "Typed before the reload" },
      baseRevision: 2,
    });
    expect(recovered.draft.title).toBe("Typed before the reload");
    expect(recovered.saved.revision).toBe(2);
    expect(hasUnsavedChanges(recovered)).toBe(true);
    expect(draftAutosaveInMs(recovered)).toBe(DRAFT_AUTOSAVE_AFTER_MS);
  });
});
