import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { getDb, type Transaction } from "../../db/client";
import {
  enrollments,
  milestoneEvidence,
  milestoneNotes,
  milestoneProgress,
  milestoneReviews,
  progressEvents,
  roadmaps,
  stageTargets,
} from "../../db/schema";
import type { LocalDate } from "../dates";
import { AppError } from "../errors";
import { EVIDENCE_MAX_PER_MILESTONE, evidenceLinkSchema } from "../evidence";
import { instantSchema, localDateSchema, readExportEnvelope, statusSchema } from "../export-format";
import { MILESTONE_STATUSES, type MilestoneStatus } from "../progress";
import { NOTE_MAX_LENGTH } from "./notes";
import { lockLearner } from "./progress";
import type { Viewer } from "./viewer";

export type ImportSkip = { where: string; reason: string };

export type ImportReport = {
  imported: { roadmaps: number; milestones: number; notes: number; evidence: number; events: number };
  skipped: ImportSkip[];
};

type Skip = (where: string, reason: string) => void;

type RoadmapPlan = {
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
  events: {
    milestoneId: string;
    fromStatus: MilestoneStatus;
    toStatus: MilestoneStatus;
    at: Date;
    byMentor: boolean;
  }[];
};

type RoadmapContent = {
  id: string;
  stages: { id: string; slug: string; milestones: { id: string; slug: string }[] }[];
};

const STATUS_LIST = MILESTONE_STATUSES.join(", ");
const INSERT_CHUNK = 1_000;

const recordOf = (value: unknown): Record<string, unknown> | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** A value from the file, quoted for a message and cut short: the learner sees which one. */
function shown(value: unknown): string {
  if (value === undefined) return "(none)";
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;
}

/** An optional instant: absent or null is null, anything else must parse. */
function readInstant(value: unknown): { ok: true; value: Date | null } | { ok: false } {
  if (value === undefined || value === null) return { ok: true, value: null };
  return instantSchema.safeParse(value).success ? { ok: true, value: new Date(value as string) } : { ok: false };
}

function readLocalDate(value: unknown): { ok: true; value: LocalDate | null } | { ok: false } {
  if (value === undefined || value === null) return { ok: true, value: null };
  return localDateSchema.safeParse(value).success ? { ok: true, value: value as string } : { ok: false };
}

/** A list field: absent is empty, anything but a list is refused. */
function readList(value: unknown): unknown[] | null {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : null;
}

/**
 * Replaces the viewer's progress, history, notes, evidence and pace settings on every
 * roadmap in a version 1 export with what the file says, matching roadmaps, stages and
 * milestones by slug. Entries that can't be used are skipped and reported, one by one;
 * the rest is written in a single transaction. The account block (name, email, time zone)
 * is never applied and feedback stays with its mentorship: both belong to more than this
 * file.
 */
export async function importLearnerData({
  viewer,
  data,
  now = new Date(),
}: {
  viewer: Viewer;
  data: unknown;
  now?: Date;
}): Promise<ImportReport> {
  const read = readExportEnvelope(data);
  if (!read.ok) throw new AppError("INVALID_INPUT", read.error);
  const { envelope } = read;
  const report: ImportReport = {
    imported: { roadmaps: 0, milestones: 0, notes: 0, evidence: 0, events: 0 },
    skipped: [],
  };
  const skip: Skip = (where, reason) => report.skipped.push({ where, reason });

  await getDb().transaction(async (tx) => {
    // Status changes and evidence adds from other tabs wait until the whole file is in.
    await lockLearner(tx, viewer.id);
    const seen = new Set<string>();
    for (const [index, raw] of envelope.roadmaps.entries()) {
      const where = `roadmaps[${index}]`;
      const entry = recordOf(raw);
      if (!entry) {
        skip(where, "This entry isn't a roadmap.");
        continue;
      }
      const slug = entry.slug;
      if (typeof slug !== "string" || slug === "") {
        skip(where, "This roadmap has no slug, so it can't be matched to a Waymark roadmap.");
        continue;
      }
      if (seen.has(slug)) {
        skip(where, `The roadmap ${shown(slug)} appears earlier in the file; only its first entry was imported.`);
        continue;
      }
      seen.add(slug);
      const content = await tx.query.roadmaps.findFirst({
        where: eq(roadmaps.slug, slug),
        columns: { id: true },
        with: {
          stages: {
            columns: { id: true, slug: true },
            with: { milestones: { columns: { id: true, slug: true } } },
          },
        },
      });
      if (!content) {
        skip(where, `There is no roadmap ${shown(slug)} on Waymark any more; nothing on it was imported.`);
        continue;
      }
      const plan = planRoadmap(entry, content, where, skip, now);
      if (!plan) continue;
      await replaceRoadmap(tx, viewer.id, plan, now);
      report.imported.roadmaps += 1;
      report.imported.milestones += plan.milestones.length;
      report.imported.notes += plan.notes.length;
      report.imported.evidence += plan.evidence.length;
      report.imported.events += plan.events.length;
    }
  });

  if (envelope.feedback.length > 0) {
    const count = envelope.feedback.length;
    skip(
      "feedback",
      `${count} feedback message${count === 1 ? " was" : "s were"} not imported: feedback belongs to a mentorship and stays with it.`,
    );
  }
  return report;
}

/** Checks one roadmap entry against the roadmap's content; null when it can't be used at all. */
function planRoadmap(
  entry: Record<string, unknown>,
  content: RoadmapContent,
  where: string,
  skip: Skip,
  now: Date,
): RoadmapPlan | null {
  const milestoneEntries = readList(entry.milestones);
  const historyEntries = readList(entry.history);
  const targetEntries = readList(entry.stageTargets);
  if (!milestoneEntries || !historyEntries || !targetEntries) {
    skip(where, "Its milestones, history and stage targets must each be a list; nothing on this roadmap was imported.");
    return null;
  }
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
  };

  const startedAt = readInstant(entry.startedAt);
  if (startedAt.ok) plan.startedAt = startedAt.value;
  else skip(`${where}.startedAt`, `${shown(entry.startedAt)} isn't a date and time, so it was left out.`);
  for (const field of ["plannedStart", "targetDate"] as const) {
    const date = readLocalDate(entry[field]);
    if (date.ok) plan[field] = date.value;
    else skip(`${where}.${field}`, `${shown(entry[field])} isn't a date such as 2026-12-31; it was left empty.`);
  }

  const targetedStages = new Set<string>();
  for (const [index, raw] of targetEntries.entries()) {
    const at = `${where}.stageTargets[${index}]`;
    const target = recordOf(raw);
    const stageId = typeof target?.stage === "string" ? stageBySlug.get(target.stage) : undefined;
    const date = readLocalDate(target?.targetDate);
    if (!target) skip(at, "This entry isn't a stage target.");
    else if (!stageId) skip(at, `The stage ${shown(target.stage)} is no longer on the roadmap.`);
    else if (targetedStages.has(stageId)) skip(at, "This stage already has a target earlier in the file.");
    else if (!date.ok || date.value === null) skip(at, `${shown(target.targetDate)} isn't a date such as 2026-12-31.`);
    else {
      targetedStages.add(stageId);
      plan.stageTargets.push({ stageId, targetDate: date.value });
    }
  }

  const imported = new Set<string>();
  for (const [index, raw] of milestoneEntries.entries()) {
    const milestoneId = planMilestone(raw, `${where}.milestones[${index}]`, milestoneBySlug, imported, plan, skip, now);
    if (milestoneId) imported.add(milestoneId);
  }

  for (const [index, raw] of historyEntries.entries()) {
    const at = `${where}.history[${index}]`;
    const event = recordOf(raw);
    if (!event) {
      skip(at, "This entry isn't a status change.");
      continue;
    }
    const milestoneId = typeof event.milestone === "string" ? milestoneBySlug.get(event.milestone) : undefined;
    const from = statusSchema.safeParse(event.from);
    const to = statusSchema.safeParse(event.to);
    const when = readInstant(event.at);
    if (!milestoneId) skip(at, `The milestone ${shown(event.milestone)} is no longer on the roadmap.`);
    else if (!imported.has(milestoneId)) {
      skip(at, `The milestone ${shown(event.milestone)} wasn't imported, so neither was its history.`);
    } else if (!from.success || !to.success) skip(at, `A status change must go between ${STATUS_LIST}.`);
    else if (!when.ok || when.value === null) skip(at, `${shown(event.at)} isn't a date and time.`);
    else {
      plan.events.push({
        milestoneId,
        fromStatus: from.data,
        toStatus: to.data,
        at: when.value,
        byMentor: event.byMentor === true,
      });
    }
  }

  plan.follow =
    plan.startedAt !== null ||
    plan.plannedStart !== null ||
    plan.targetDate !== null ||
    plan.events.length > 0 ||
    plan.milestones.some((milestone) => milestone.status !== "not_started");
  if (plan.follow) plan.startedAt ??= plan.events[0]?.at ?? now;
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
  now: Date,
): string | null {
  const reject = (reason: string) => {
    skip(where, reason);
    return null;
  };
  const entry = recordOf(raw);
  if (!entry) return reject("This entry isn't a milestone.");
  const id = typeof entry.slug === "string" ? milestoneBySlug.get(entry.slug) : undefined;
  if (!id) return reject(`The milestone ${shown(entry.slug)} is no longer on the roadmap.`);
  if (imported.has(id)) {
    return reject(
      `The milestone ${shown(entry.slug)} appears earlier in this roadmap; only its first entry was imported.`,
    );
  }
  const status = statusSchema.safeParse(entry.status);
  if (!status.success) return reject(`Its status ${shown(entry.status)} isn't one of ${STATUS_LIST}.`);
  const startedAt = readInstant(entry.startedAt);
  if (!startedAt.ok) return reject(`Its start ${shown(entry.startedAt)} isn't a date and time.`);
  const completedAt = readInstant(entry.completedAt);
  if (!completedAt.ok) return reject(`Its completion ${shown(entry.completedAt)} isn't a date and time.`);
  plan.milestones.push({ id, status: status.data, startedAt: startedAt.value, completedAt: completedAt.value });

  if (entry.note !== undefined && entry.note !== null) {
    const note = recordOf(entry.note);
    const updatedAt = readInstant(note?.updatedAt);
    if (!note || typeof note.body !== "string") skip(`${where}.note`, "This note has no text.");
    else if (note.body.length > NOTE_MAX_LENGTH) {
      skip(
        `${where}.note`,
        `This note is ${note.body.length.toLocaleString("en-US")} characters; notes can be up to ${NOTE_MAX_LENGTH.toLocaleString("en-US")}.`,
      );
    } else if (!updatedAt.ok) skip(`${where}.note`, `Its date ${shown(note.updatedAt)} isn't a date and time.`);
    else plan.notes.push({ milestoneId: id, body: note.body, updatedAt: updatedAt.value ?? now });
  }

  const links = readList(entry.evidence);
  if (!links) skip(`${where}.evidence`, "Evidence must be a list of links; none was imported for this milestone.");
  let kept = 0;
  for (const [index, raw] of (links ?? []).entries()) {
    const at = `${where}.evidence[${index}]`;
    const fields = recordOf(raw);
    const link = evidenceLinkSchema.safeParse(raw);
    const addedAt = readInstant(fields?.addedAt);
    if (typeof fields?.title !== "string" || typeof fields.url !== "string") {
      skip(at, "A link needs a title and an address.");
    } else if (!link.success) {
      const { fieldErrors } = z.flattenError(link.error);
      skip(at, fieldErrors.title?.[0] ?? fieldErrors.url?.[0] ?? "Check this link.");
    } else if (!addedAt.ok) skip(at, `Its date ${shown(fields.addedAt)} isn't a date and time.`);
    else if (kept >= EVIDENCE_MAX_PER_MILESTONE) {
      skip(at, `A milestone keeps up to ${EVIDENCE_MAX_PER_MILESTONE} evidence links; this one is past that.`);
    } else {
      plan.evidence.push({
        milestoneId: id,
        ...link.data,
        addedAt: (addedAt.value ?? now).toISOString(),
        place: kept,
      });
      kept += 1;
    }
  }
  return id;
}

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) await insert(rows.slice(start, start + INSERT_CHUNK));
}

/** Writes one roadmap's plan over whatever the learner had on that roadmap. */
async function replaceRoadmap(tx: Transaction, userId: string, plan: RoadmapPlan, now: Date): Promise<void> {
  const onRoadmap = (user: AnyPgColumn, milestone: AnyPgColumn) =>
    and(eq(user, userId), inArray(milestone, plan.milestoneIds));
  const keptNotes = plan.notes.map((note) => note.milestoneId);
  const done = plan.milestones.filter((milestone) => milestone.status === "done").map((milestone) => milestone.id);

  // The one place the event log is rewritten: the file's history replaces the learner's own.
  await tx.delete(progressEvents).where(onRoadmap(progressEvents.userId, progressEvents.milestoneId));
  await tx.delete(milestoneProgress).where(onRoadmap(milestoneProgress.userId, milestoneProgress.milestoneId));
  await tx.delete(milestoneEvidence).where(onRoadmap(milestoneEvidence.userId, milestoneEvidence.milestoneId));
  await tx
    .delete(milestoneNotes)
    .where(
      and(
        onRoadmap(milestoneNotes.userId, milestoneNotes.milestoneId),
        keptNotes.length > 0 ? notInArray(milestoneNotes.milestoneId, keptNotes) : undefined,
      ),
    );
  // A review vouches for finished work; it goes with a milestone the file says isn't done.
  await tx
    .delete(milestoneReviews)
    .where(
      and(
        onRoadmap(milestoneReviews.learnerId, milestoneReviews.milestoneId),
        done.length > 0 ? notInArray(milestoneReviews.milestoneId, done) : undefined,
      ),
    );
  if (plan.stageIds.length > 0) {
    await tx
      .delete(stageTargets)
      .where(and(eq(stageTargets.userId, userId), inArray(stageTargets.stageId, plan.stageIds)));
  }

  if (plan.follow) {
    const settings = { startedAt: plan.startedAt!, plannedStart: plan.plannedStart, targetDate: plan.targetDate };
    await tx
      .insert(enrollments)
      .values({ userId, roadmapId: plan.roadmapId, ...settings })
      .onConflictDoUpdate({ target: [enrollments.userId, enrollments.roadmapId], set: settings });
  } else {
    await tx.delete(enrollments).where(and(eq(enrollments.userId, userId), eq(enrollments.roadmapId, plan.roadmapId)));
  }
  if (plan.stageTargets.length > 0) {
    await tx.insert(stageTargets).values(plan.stageTargets.map((target) => ({ userId, ...target })));
  }

  const started = plan.milestones.filter((milestone) => milestone.status !== "not_started");
  await insertInChunks(started, (chunk) =>
    tx.insert(milestoneProgress).values(
      chunk.map((milestone) => ({
        userId,
        milestoneId: milestone.id,
        status: milestone.status,
        startedAt: milestone.startedAt,
        completedAt: milestone.completedAt,
        updatedAt: now,
      })),
    ),
  );
  // Other open tabs compare note versions: each imported note moves past the one they hold.
  await insertInChunks(plan.notes, (chunk) =>
    tx
      .insert(milestoneNotes)
      .values(chunk.map((note) => ({ userId, ...note, version: 1 })))
      .onConflictDoUpdate({
        target: [milestoneNotes.userId, milestoneNotes.milestoneId],
        set: {
          body: sql`excluded.body`,
          updatedAt: sql`excluded.updated_at`,
          version: sql`${milestoneNotes.version} + 1`,
        },
      }),
  );
  // Links are listed by time; a microsecond per place keeps the file's order where times tie.
  await insertInChunks(plan.evidence, (chunk) =>
    tx.insert(milestoneEvidence).values(
      chunk.map((link) => ({
        userId,
        milestoneId: link.milestoneId,
        title: link.title,
        url: link.url,
        createdAt: sql`${link.addedAt}::timestamptz + ${link.place}::int * interval '1 microsecond'`,
      })),
    ),
  );

  // The final status always equals the last event; a hand-edited file gets the missing change now.
  const lastStatus = new Map<string, MilestoneStatus>();
  for (const event of plan.events) lastStatus.set(event.milestoneId, event.toStatus);
  const closing = plan.milestones.flatMap((milestone) => {
    const from = lastStatus.get(milestone.id) ?? "not_started";
    return from === milestone.status
      ? []
      : [{ milestoneId: milestone.id, fromStatus: from, toStatus: milestone.status, at: now, byMentor: false }];
  });
  await insertInChunks([...plan.events, ...closing], (chunk) =>
    tx.insert(progressEvents).values(
      chunk.map((event) => ({
        userId,
        // The mentor who made a change isn't known from a file: null is "someone else".
        actorId: event.byMentor ? null : userId,
        milestoneId: event.milestoneId,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        createdAt: event.at,
      })),
    ),
  );
}
