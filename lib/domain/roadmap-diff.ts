/*
 * What changed between two versions of a roadmap, for learners ("3 milestones added, 1
 * removed, 2 moved") and for the diff view. Stages and milestones are matched by slug, their
 * stable id, exactly as publishing matches them, so the diff says what happened to a
 * learner's progress: an added milestone is new work, a removed one is archived with its
 * progress, a moved or changed one keeps its progress.
 *
 * "Moved" means the milestone now sits in another stage (matched by the stage's slug). A
 * change of order inside the same stage is not a move: inserting one milestone at the top
 * of a stage would otherwise "move" every milestone below it. Such reorders are not listed.
 *
 * The types are structural, so a roadmap file's content (db/content/content-schema.ts)
 * passes as it is and this module stays pure.
 */

export type DiffableMilestone = {
  slug: string;
  title: string;
  description?: string;
  whyItMatters?: string;
  skills?: string[];
  tools?: string[];
  resources?: unknown[];
  doneWhen?: string[];
  practice?: string;
};

export type DiffableStage = {
  slug: string;
  title: string;
  summary?: string;
  startMonth?: number | null;
  endMonth?: number | null;
  milestones: DiffableMilestone[];
};

export type DiffableRoadmap = { stages: DiffableStage[] };

export const MILESTONE_FIELDS = [
  "title",
  "description",
  "whyItMatters",
  "skills",
  "tools",
  "resources",
  "doneWhen",
  "practice",
] as const;
export type MilestoneField = (typeof MILESTONE_FIELDS)[number];

export const MILESTONE_FIELD_NAMES: Record<MilestoneField, string> = {
  title: "title",
  description: "description",
  whyItMatters: "why it matters",
  skills: "skills",
  tools: "tools",
  resources: "resources",
  doneWhen: "done when",
  practice: "practice idea",
};

const STAGE_FIELDS = ["summary", "startMonth", "endMonth"] as const;
export type StageField = (typeof STAGE_FIELDS)[number];

export type StageRef = { slug: string; title: string };
export type MilestoneRef = { slug: string; title: string; stage: StageRef };

export type RoadmapDiff = {
  stages: {
    added: StageRef[];
    removed: StageRef[];
    /** Same slug, new title. */
    renamed: { slug: string; from: string; to: string }[];
    /** Same slug, another summary or time window (a rename is listed under renamed only). */
    changed: { stage: StageRef; fields: StageField[] }[];
  };
  milestones: {
    added: MilestoneRef[];
    removed: MilestoneRef[];
    /** In another stage than before; `stage` is where it is now. */
    moved: (MilestoneRef & { from: StageRef })[];
    /** Its text or lists changed; it may also have moved, and then appears in both lists. */
    changed: (MilestoneRef & { fields: MilestoneField[]; before: string })[];
  };
};

const stageRef = (stage: DiffableStage): StageRef => ({ slug: stage.slug, title: stage.title });

function milestonesBySlug(roadmap: DiffableRoadmap): Map<string, { milestone: DiffableMilestone; stage: StageRef }> {
  const bySlug = new Map<string, { milestone: DiffableMilestone; stage: StageRef }>();
  for (const stage of roadmap.stages) {
    for (const milestone of stage.milestones) bySlug.set(milestone.slug, { milestone, stage: stageRef(stage) });
  }
  return bySlug;
}

/** Order-insensitive for object keys (jsonb keeps no key order), order-sensitive for lists. */
function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/** Absent lists and texts are what a file's defaults make of them: empty. */
function fieldValue(milestone: DiffableMilestone, field: MilestoneField): unknown {
  const value = milestone[field];
  if (value !== undefined) return value;
  return field === "skills" || field === "tools" || field === "resources" || field === "doneWhen" ? [] : "";
}

function stageFieldValue(stage: DiffableStage, field: StageField): unknown {
  return stage[field] ?? (field === "summary" ? "" : null);
}

export function diffRoadmapContents(older: DiffableRoadmap, newer: DiffableRoadmap): RoadmapDiff {
  const diff: RoadmapDiff = {
    stages: { added: [], removed: [], renamed: [], changed: [] },
    milestones: { added: [], removed: [], moved: [], changed: [] },
  };

  const olderStages = new Map(older.stages.map((stage) => [stage.slug, stage]));
  const newerStages = new Map(newer.stages.map((stage) => [stage.slug, stage]));
  for (const stage of newer.stages) {
    const before = olderStages.get(stage.slug);
    if (!before) {
      diff.stages.added.push(stageRef(stage));
      continue;
    }
    if (before.title !== stage.title)
      diff.stages.renamed.push({ slug: stage.slug, from: before.title, to: stage.title });
    const fields = STAGE_FIELDS.filter(
      (field) => !sameValue(stageFieldValue(before, field), stageFieldValue(stage, field)),
    );
    if (fields.length > 0) diff.stages.changed.push({ stage: stageRef(stage), fields });
  }
  for (const stage of older.stages) {
    if (!newerStages.has(stage.slug)) diff.stages.removed.push(stageRef(stage));
  }

  const olderMilestones = milestonesBySlug(older);
  const newerMilestones = milestonesBySlug(newer);
  for (const [slug, { milestone, stage }] of newerMilestones) {
    const before = olderMilestones.get(slug);
    const ref = { slug, title: milestone.title, stage };
    if (!before) {
      diff.milestones.added.push(ref);
      continue;
    }
    if (before.stage.slug !== stage.slug) diff.milestones.moved.push({ ...ref, from: before.stage });
    const fields = MILESTONE_FIELDS.filter(
      (field) => !sameValue(fieldValue(before.milestone, field), fieldValue(milestone, field)),
    );
    if (fields.length > 0) diff.milestones.changed.push({ ...ref, fields, before: before.milestone.title });
  }
  for (const [slug, { milestone, stage }] of olderMilestones) {
    if (!newerMilestones.has(slug)) diff.milestones.removed.push({ slug, title: milestone.title, stage });
  }
  return diff;
}

export function diffIsEmpty(diff: RoadmapDiff): boolean {
  return [...Object.values(diff.stages), ...Object.values(diff.milestones)].every((list) => list.length === 0);
}

/**
 * One line for learners: "3 milestones added, 1 removed, 2 moved". Milestones come first
 * (they carry progress); stage changes are named when no milestone changed.
 */
export function describeChanges(diff: RoadmapDiff): string {
  const { added, removed, moved, changed } = diff.milestones;
  const milestones = countsLine("milestone", [
    [added.length, "added"],
    [removed.length, "removed"],
    [moved.length, "moved"],
    [changed.length, "changed"],
  ]);
  if (milestones) return milestones;
  const editedStages = new Set([
    ...diff.stages.renamed.map((rename) => rename.slug),
    ...diff.stages.changed.map((change) => change.stage.slug),
  ]);
  const stages = countsLine("stage", [
    [diff.stages.added.length, "added"],
    [diff.stages.removed.length, "removed"],
    [editedStages.size, "changed"],
  ]);
  return stages ?? "No changes";
}

/** "3 milestones added, 1 removed": the noun once, on the first count, in the right number. */
function countsLine(noun: string, counts: [number, string][]): string | null {
  const parts = counts.filter(([count]) => count > 0);
  if (parts.length === 0) return null;
  return parts
    .map(([count, what], index) =>
      index === 0 ? `${count} ${count === 1 ? noun : `${noun}s`} ${what}` : `${count} ${what}`,
    )
    .join(", ");
}
