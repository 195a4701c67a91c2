/*
 * Import's decisions, without the database: which entries of a Waymark export can be used
 * against the roadmaps as they are now, what each roadmap's progress, history, notes and
 * evidence become, and the report of what was skipped and why. lib/data/import.ts reads the
 * current roadmaps and writes the plan.
 */
import type { z } from "zod";
import type { LocalDate } from "./dates";
import { evidenceLinkSchema } from "./evidence-link-schema";
import { EVIDENCE_MAX_PER_MILESTONE } from "./evidence-rules";
import {
  entryListSchema,
  exportedEventSchema,
  exportedEvidenceSchema,
  exportedMilestoneSchema,
  exportedRoadmapSchema,
  exportedStageTargetSchema,
  shownValue,
  type ExportEnvelope,
} from "./export-format";
import { milestoneDatesFromEvents } from "./history";
import type { MilestoneStatus } from "./progress-math";

export type ImportSkip = { where: string; reason: string };

/** The report lists this many skipped entries, in file order, and counts the rest. */
export const IMPORT_SKIPS_LISTED = 100;

export type ImportReport = {
  imported: { roadmaps: number; milestones: number; notes: number; evidence: number; events: number };
  /** The first IMPORT_SKIPS_LISTED entries that weren't imported. */
  skipped: ImportSkip[];
  /** How many more entries weren't imported past those listed. */
  skippedMore: number;
};

type Skip = (where: string, reason: string) => void;

export type PlannedEvent = {
  milestoneId: string;
  fromStatus: MilestoneStatus;
  toStatus: MilestoneStatus;
  at: Date;
  byMentor: boolean;
};

export type RoadmapPlan = {
  roadmapId: string;
  /** Every milestone and stage of the roadmap, retired ones included: what the import replaces. */
  milestoneIds: string[];
  stageIds: string[];
  follow: boolean;
  startedAt: Date | null;
  plannedStart: LocalDate | null;
  targetDate: LocalDate | null;
  stageTargets: { stageId: string; targetDate: LocalDate }[];
  milestones: { id: string; status: MilestoneStatus; startedAt: Date | null; completedAt: Date | null }[];
  notes: { milestoneId: string; body: string; updatedAt: Date }[];
  evidence: { milestoneId: string; title: string; url: string; addedAt: string; place: number }[];
  /** The file's history, oldest first. */
  events: PlannedEvent[];
  /** The changes that bring a hand-edited status in line with its history, after all of it. */
  closing: PlannedEvent[];
};

/** A roadmap as import matches entries against it: every stage and milestone, retired ones included. */
export type ImportedRoadmapContent = {
  id: string;
  slug: string;
  stages: { id: string; slug: string; milestones: { id: string; slug: string }[] }[];
};

/** Clocks differ between machines; anything later than this past the import is refused. */
const FUTURE_MARGIN_MS = 24 * 60 * 60 * 1000;

/*
 * Each entry is read with the export's own schema. The lists inside an entry are read item
 * by item, so they are lists of anything here; titles, stages and archived flags are for
 * people reading the file, and import takes them from the roadmap itself.
 */
const roadmapEntrySchema = exportedRoadmapSchema
  .pick({ slug: true })
  .extend({ stageTargets: entryListSchema, milestones: entryListSchema, history: entryListSchema });
const milestoneEntrySchema = exportedMilestoneSchema.pick({
  slug: true,
  status: true,
  startedAt: true,
  completedAt: true,
});
const noteSchema = exportedMilestoneSchema.shape.note;

const recordOf = (value: unknown): Record<PropertyKey, unknown> | null =>
  typeof value === "object" && value !== null ? (value as Record<PropertyKey, unknown>) : null;

/** A schema's first complaint about a value, in words: which field, and what is wrong with it. */
function reasonOf(error: z.ZodError, value: unknown): string {
  const [issue] = error.issues;
  if (!issue) return "Check this entry.";
  const field = issue.path.reduce<string>(
    (name, key) => (typeof key === "number" ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
    "",
  );
  const missing = issue.path.reduce<unknown>((at, key) => recordOf(at)?.[key], value) === undefined;
  if (field === "") return missing ? "It is missing." : issue.message;
  return missing ? `“${field}” is missing.` : `“${field}”: ${issue.message}`;
}

type Checked<T> = { ok: true; data: T } | { ok: false; reason: string };

function check<S extends z.ZodType>(schema: S, value: unknown): Checked<z.output<S>> {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, reason: reasonOf(parsed.error, value) };
}

/** The roadmaps a file names, each once: what import looks up before planning. */
export function importedRoadmapSlugs(envelope: ExportEnvelope): string[] {
  return [
    ...new Set(
      envelope.roadmaps.flatMap((raw) => {
        const entry = check(roadmapEntrySchema, raw);
        return entry.ok ? [entry.data.slug] : [];
      }),
    ),
  ];
}

/**
 * What importing the file does: for each usable roadmap entry, matched by slug, the plan
 * that replaces the learner's progress, history, notes, evidence and pace settings there,
 * and a report of every entry that can't be used. The account block is never applied and
 * feedback stays with its mentorship: both belong to more than this file.
 */
export function planImport({
  envelope,
  contents,
  now,
  noteMaxLength,
}: {
  envelope: ExportEnvelope;
  contents: ImportedRoadmapContent[];
  now: Date;
  noteMaxLength: number;
}): { plans: RoadmapPlan[]; report: ImportReport } {
  const report: ImportReport = {
    imported: { roadmaps: 0, milestones: 0, notes: 0, evidence: 0, events: 0 },
    skipped: [],
    skippedMore: 0,
  };
  const skip: Skip = (where, reason) => {
    if (report.skipped.length < IMPORT_SKIPS_LISTED) report.skipped.push({ where, reason });
    else report.skippedMore += 1;
  };
  const contentBySlug = new Map(contents.map((content) => [content.slug, content]));

  const limits: Limits = { now, latestAllowed: new Date(now.getTime() + FUTURE_MARGIN_MS), noteMaxLength };
  const plans: RoadmapPlan[] = [];
  const seen = new Set<string>();
  for (const [index, rawEntry] of envelope.roadmaps.entries()) {
    const where = `roadmaps[${index}]`;
    const entry = check(roadmapEntrySchema, rawEntry);
    const raw = recordOf(rawEntry);
    if (!entry.ok) {
      skip(where, raw ? `${entry.reason} Nothing on this roadmap was imported.` : entry.reason);
      continue;
    }
    const { slug } = entry.data;
    if (seen.has(slug)) {
      skip(where, `The roadmap ${shownValue(slug)} appears earlier in the file; only its first entry was imported.`);
      continue;
    }
    seen.add(slug);
    const content = contentBySlug.get(slug);
    if (!content) {
      skip(where, `There is no roadmap ${shownValue(slug)} on Waymark that you can open; nothing on it was imported.`);
      continue;
    }
    plans.push(planRoadmap(entry.data, raw!, content, where, skip, limits));
  }

  // Changes made now come after everything in the file, even a change stamped a little ahead.
  let closingAt = now.getTime();
  for (const plan of plans) closingAt = Math.max(closingAt, (plan.events.at(-1)?.at.getTime() ?? 0) + 1);
  for (const plan of plans) settle(plan, new Date(closingAt));

  for (const plan of plans) {
    report.imported.roadmaps += 1;
    report.imported.milestones += plan.milestones.length;
    report.imported.notes += plan.notes.length;
    report.imported.evidence += plan.evidence.length;
    report.imported.events += plan.events.length;
  }
  if (envelope.feedback.length > 0) {
    const count = envelope.feedback.length;
    skip(
      "feedback",
      `${count} feedback message${count === 1 ? " was" : "s were"} not imported: feedback belongs to a mentorship and stays with it.`,
    );
  }
  return { plans, report };
}

/** When the import runs, and what it refuses past: instants too far ahead, notes too long. */
type Limits = { now: Date; latestAllowed: Date; noteMaxLength: number };

const tooLate = (instant: string | null, limits: Limits) =>
  instant !== null && new Date(instant) > limits.latestAllowed;
const tooLateReason = (field: string, instant: string | null) =>
  `“${field}”: ${shownValue(instant)} is more than a day in the future.`;

/** Checks one roadmap entry against the roadmap's content. */
function planRoadmap(
  entry: z.output<typeof roadmapEntrySchema>,
  raw: Record<PropertyKey, unknown>,
  content: ImportedRoadmapContent,
  where: string,
  skip: Skip,
  limits: Limits,
): RoadmapPlan {
  const stageBySlug = new Map(content.stages.map((stage) => [stage.slug, stage.id]));
  const milestoneBySlug = new Map(
    content.stages.flatMap((stage) => stage.milestones.map((milestone) => [milestone.slug, milestone.id] as const)),
  );
  const plan: RoadmapPlan = {
    roadmapId: content.id,
    milestoneIds: [...milestoneBySlug.values()],
    stageIds: [...stageBySlug.values()],
    follow: false,
    startedAt: null,
    plannedStart: null,
    targetDate: null,
    stageTargets: [],
    milestones: [],
    notes: [],
    evidence: [],
    events: [],
    closing: [],
  };

  const startedAt = check(exportedRoadmapSchema.shape.startedAt, raw.startedAt);
  if (!startedAt.ok) skip(`${where}.startedAt`, `${startedAt.reason} It was left out.`);
  else if (tooLate(startedAt.data, limits)) {
    skip(`${where}.startedAt`, `${shownValue(startedAt.data)} is more than a day in the future. It was left out.`);
  } else plan.startedAt = startedAt.data === null ? null : new Date(startedAt.data);
  for (const field of ["plannedStart", "targetDate"] as const) {
    const date = check(exportedRoadmapSchema.shape[field], raw[field]);
    if (date.ok) plan[field] = date.data;
    else skip(`${where}.${field}`, `${date.reason} It was left empty.`);
  }

  const targetedStages = new Set<string>();
  for (const [index, item] of entry.stageTargets.entries()) {
    const at = `${where}.stageTargets[${index}]`;
    const target = check(exportedStageTargetSchema, item);
    const stageId = target.ok ? stageBySlug.get(target.data.stage) : undefined;
    if (!target.ok) skip(at, target.reason);
    else if (!stageId) skip(at, `The stage ${shownValue(target.data.stage)} is no longer on the roadmap.`);
    else if (targetedStages.has(stageId)) skip(at, "This stage already has a target earlier in the file.");
    else {
      targetedStages.add(stageId);
      plan.stageTargets.push({ stageId, targetDate: target.data.targetDate });
    }
  }

  const imported = new Set<string>();
  for (const [index, item] of entry.milestones.entries()) {
    const milestoneId = planMilestone(
      item,
      `${where}.milestones[${index}]`,
      milestoneBySlug,
      imported,
      plan,
      skip,
      limits,
    );
    if (milestoneId) imported.add(milestoneId);
  }

  for (const [index, item] of entry.history.entries()) {
    const at = `${where}.history[${index}]`;
    const event = check(exportedEventSchema, item);
    if (!event.ok) {
      skip(at, event.reason);
      continue;
    }
    const { milestone, from, to, at: when, byMentor } = event.data;
    const milestoneId = milestoneBySlug.get(milestone);
    if (!milestoneId) skip(at, `The milestone ${shownValue(milestone)} is no longer on the roadmap.`);
    else if (!imported.has(milestoneId)) {
      skip(at, `The milestone ${shownValue(milestone)} wasn't imported, so neither was its history.`);
    } else if (tooLate(when, limits)) skip(at, tooLateReason("at", when));
    else
      plan.events.push({
        milestoneId,
        fromStatus: from,
        toStatus: to,
        at: new Date(when),
        byMentor: byMentor === true,
      });
  }
  // By time, not by place in the file (a stable sort: changes at the same instant keep the file's order).
  plan.events.sort((a, b) => a.at.getTime() - b.at.getTime());

  plan.follow =
    plan.startedAt !== null ||
    plan.plannedStart !== null ||
    plan.targetDate !== null ||
    plan.events.length > 0 ||
    plan.milestones.some((milestone) => milestone.status !== "not_started");
  if (plan.follow) plan.startedAt ??= plan.events[0]?.at ?? limits.now;
  return plan;
}

/** Adds one milestone entry (its status, note and evidence) to the plan; returns its id when it was used. */
function planMilestone(
  raw: unknown,
  where: string,
  milestoneBySlug: Map<string, string>,
  imported: Set<string>,
  plan: RoadmapPlan,
  skip: Skip,
  limits: Limits,
): string | null {
  const reject = (reason: string) => {
    skip(where, reason);
    return null;
  };
  const checked = check(milestoneEntrySchema, raw);
  if (!checked.ok) return reject(checked.reason);
  const { slug, status, startedAt, completedAt } = checked.data;
  const id = milestoneBySlug.get(slug);
  if (!id) return reject(`The milestone ${shownValue(slug)} is no longer on the roadmap.`);
  if (imported.has(id)) {
    return reject(
      `The milestone ${shownValue(slug)} appears earlier in this roadmap; only its first entry was imported.`,
    );
  }
  if (tooLate(startedAt, limits)) return reject(tooLateReason("startedAt", startedAt));
  if (tooLate(completedAt, limits)) return reject(tooLateReason("completedAt", completedAt));
  plan.milestones.push({
    id,
    status,
    startedAt: startedAt === null ? null : new Date(startedAt),
    completedAt: completedAt === null ? null : new Date(completedAt),
  });
  const entry = raw as Record<string, unknown>;

  const note = check(noteSchema, entry.note);
  if (!note.ok) skip(`${where}.note`, note.reason);
  else if (note.data && note.data.body.length > limits.noteMaxLength) {
    skip(
      `${where}.note`,
      `This note is ${note.data.body.length.toLocaleString("en-US")} characters; notes can be up to ${limits.noteMaxLength.toLocaleString("en-US")}.`,
    );
  } else if (note.data && tooLate(note.data.updatedAt, limits)) {
    skip(`${where}.note`, tooLateReason("updatedAt", note.data.updatedAt));
  } else if (note.data) {
    plan.notes.push({ milestoneId: id, body: note.data.body, updatedAt: new Date(note.data.updatedAt) });
  }

  const links = check(entryListSchema, entry.evidence);
  if (!links.ok) skip(`${where}.evidence`, `${links.reason} No evidence was imported for this milestone.`);
  let kept = 0;
  for (const [index, item] of (links.ok ? links.data : []).entries()) {
    const at = `${where}.evidence[${index}]`;
    const fields = check(exportedEvidenceSchema, item);
    const link = check(evidenceLinkSchema, item);
    if (!fields.ok) skip(at, fields.reason);
    else if (!link.ok) skip(at, link.reason);
    else if (tooLate(fields.data.addedAt, limits)) skip(at, tooLateReason("addedAt", fields.data.addedAt));
    else if (kept >= EVIDENCE_MAX_PER_MILESTONE) {
      skip(at, `A milestone keeps up to ${EVIDENCE_MAX_PER_MILESTONE} evidence links; this one is past that.`);
    } else {
      plan.evidence.push({
        milestoneId: id,
        ...link.data,
        addedAt: new Date(fields.data.addedAt).toISOString(),
        place: kept,
      });
      kept += 1;
    }
  }
  return id;
}

/**
 * Brings each milestone's status, history and dates in line, as the app itself keeps them:
 * a hand-edited status that disagrees with its last change gets the missing change at
 * closingAt, completion is kept only while done, and a milestone under way or done has a
 * start (the file's, else the one its history gives; see nextProgressTimestamps).
 */
function settle(plan: RoadmapPlan, closingAt: Date): void {
  const lastStatus = new Map<string, MilestoneStatus>();
  for (const event of plan.events) lastStatus.set(event.milestoneId, event.toStatus);
  plan.closing = plan.milestones.flatMap((milestone) => {
    const from = lastStatus.get(milestone.id) ?? "not_started";
    return from === milestone.status
      ? []
      : [{ milestoneId: milestone.id, fromStatus: from, toStatus: milestone.status, at: closingAt, byMentor: false }];
  });
  const replayed = milestoneDatesFromEvents([...plan.events, ...plan.closing]);
  const dateOf = (instant: string | null | undefined) => (instant ? new Date(instant) : null);
  for (const milestone of plan.milestones) {
    const history = replayed[milestone.id];
    if (milestone.status === "not_started") milestone.startedAt = null;
    if (milestone.status === "in_progress" || milestone.status === "done") {
      milestone.startedAt ??= dateOf(history?.startedAt);
    }
    milestone.completedAt =
      milestone.status === "done" ? (milestone.completedAt ?? dateOf(history?.completedAt)) : null;
  }
}
