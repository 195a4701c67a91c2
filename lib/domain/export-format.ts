/*
 * The Waymark export file, version 1, and its CSV and Markdown renderings. Pure: the data
 * layer builds and reads these objects, the route serialises them.
 */
import { z } from "zod";
import { isLocalDate, isValidTimeZone, localDate } from "./dates";
import { MILESTONE_STATUSES, type MilestoneStatus } from "./progress-math";

export const EXPORT_FORMAT = "waymark-export";
export const EXPORT_VERSION = 1;
/** The largest file import reads: far above any real export, small enough to parse at once. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The longest lists import reads; a file past any of them is refused whole, before anything
 * is looked up. Each is far above a real export (one roadmap has a few dozen milestones, a
 * milestone keeps 20 links) and keeps one import's work small: the roadmaps are looked up
 * in one query, every other list is checked in memory and written in chunks.
 */
export const IMPORT_LIMITS = {
  roadmaps: 20,
  milestonesPerRoadmap: 500,
  stageTargetsPerRoadmap: 100,
  historyPerRoadmap: 50_000,
  evidencePerMilestone: 100,
} as const;

/**
 * How deep a file's lists and objects may nest. A real export reaches 7
 * (roadmaps[0].milestones[0].evidence[0]); import's checks read values recursively (zod, and
 * JSON.stringify to quote one in a message), and a value nested a few thousand deep exhausts
 * the stack.
 */
export const IMPORT_MAX_DEPTH = 32;
/** How much of the way down to a value nested too deep a message names. */
const SHOWN_DEPTH = 8;

/** A value from a file, quoted for a message and cut short: the learner sees which one. */
export function shownValue(value: unknown): string {
  if (value === undefined) return "(none)";
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;
}

/*
 * The schemas below describe the file and are what import checks each entry with, so
 * their messages are written for the learner: each says what is wrong with the value.
 */
const textSchema = z.string({ error: (issue) => `${shownValue(issue.input)} isn't text.` });
const slugSchema = textSchema.min(1, "It is empty.");
const instantSchema = z.iso.datetime({
  offset: true,
  error: (issue) => `${shownValue(issue.input)} isn't a date and time such as 2026-01-20T18:30:00.000Z.`,
});
const localDateMessage = (issue: { input?: unknown }) => `${shownValue(issue.input)} isn't a date such as 2026-12-31.`;
const localDateSchema = z.string({ error: localDateMessage }).refine(isLocalDate, { error: localDateMessage });
const statusSchema = z.enum(MILESTONE_STATUSES, {
  error: (issue) => `${shownValue(issue.input)} isn't one of ${MILESTONE_STATUSES.join(", ")}.`,
});
const flagSchema = z.boolean({ error: (issue) => `${shownValue(issue.input)} isn't true or false.` });
const listOf = <T extends z.ZodType>(item: T) =>
  z.array(item, { error: (issue) => `${shownValue(issue.input)} isn't a list.` });
const entryOf = <T extends z.ZodRawShape>(shape: T, what: string) =>
  z.object(shape, { error: `This entry isn't ${what}.` });

/** A list whose items import reads one at a time, so a bad item is skipped on its own. */
export const entryListSchema = listOf(z.unknown());

export const exportedNoteSchema = entryOf({ body: textSchema, updatedAt: instantSchema }, "a note");

export const exportedEvidenceSchema = entryOf(
  { title: textSchema, url: textSchema, addedAt: instantSchema },
  "an evidence link",
);

export const exportedMilestoneSchema = entryOf(
  {
    slug: slugSchema,
    title: textSchema,
    stage: textSchema,
    archived: flagSchema,
    status: statusSchema,
    startedAt: instantSchema.nullable(),
    completedAt: instantSchema.nullable(),
    note: exportedNoteSchema.nullable(),
    evidence: listOf(exportedEvidenceSchema),
  },
  "a milestone",
);

export const exportedEventSchema = entryOf(
  {
    milestone: slugSchema,
    from: statusSchema,
    to: statusSchema,
    at: instantSchema,
    /** Written, as true, only when someone other than the learner made the change. */
    byMentor: flagSchema.optional(),
  },
  "a status change",
);

export const exportedStageTargetSchema = entryOf({ stage: slugSchema, targetDate: localDateSchema }, "a stage target");

export const exportedRoadmapSchema = entryOf(
  {
    slug: slugSchema,
    title: textSchema,
    /** When the learner started following the roadmap; null when they only keep notes or evidence on it. */
    startedAt: instantSchema.nullable(),
    plannedStart: localDateSchema.nullable(),
    targetDate: localDateSchema.nullable(),
    /** Headings for the checklist; import reads titles from the roadmap itself. */
    stages: listOf(entryOf({ slug: slugSchema, title: textSchema }, "a stage")),
    stageTargets: listOf(exportedStageTargetSchema),
    milestones: listOf(exportedMilestoneSchema),
    history: listOf(exportedEventSchema),
  },
  "a roadmap",
);

export const exportedFeedbackSchema = z.object({
  roadmap: z.string(),
  milestone: z.string(),
  author: z.enum(["you", "mentor"]),
  body: z.string(),
  at: instantSchema,
});

export const waymarkExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: instantSchema,
  account: z.object({ name: z.string().nullable(), email: z.string(), timeZone: z.string() }),
  roadmaps: z.array(exportedRoadmapSchema),
  feedback: z.array(exportedFeedbackSchema),
});

export type WaymarkExport = z.infer<typeof waymarkExportSchema>;
export type ExportedRoadmap = z.infer<typeof exportedRoadmapSchema>;
export type ExportedMilestone = z.infer<typeof exportedMilestoneSchema>;

/**
 * What import needs before it looks at any entry: the right kind of file, in a version
 * this code reads. Entries stay unknown here, so one bad entry is skipped on its own.
 */
const exportEnvelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  roadmaps: z.array(z.unknown()),
  feedback: z.array(z.unknown()).default([]),
});

export type ExportEnvelope = z.infer<typeof exportEnvelopeSchema>;

const lengthOf = (value: unknown) => (Array.isArray(value) ? value.length : 0);
const fieldOf = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/** The first list in the file longer than import reads, in words; null when every list is within bounds. */
function overLimit(roadmaps: unknown[]): string | null {
  const count = (n: number) => n.toLocaleString("en-US");
  if (roadmaps.length > IMPORT_LIMITS.roadmaps) {
    return `That export lists ${count(roadmaps.length)} roadmaps; Waymark imports up to ${IMPORT_LIMITS.roadmaps} at a time.`;
  }
  const lists = [
    ["milestones", "milestones", IMPORT_LIMITS.milestonesPerRoadmap],
    ["stageTargets", "stage targets", IMPORT_LIMITS.stageTargetsPerRoadmap],
    ["history", "history entries", IMPORT_LIMITS.historyPerRoadmap],
  ] as const;
  for (const [index, roadmap] of roadmaps.entries()) {
    for (const [key, name, limit] of lists) {
      const length = lengthOf(fieldOf(roadmap, key));
      if (length > limit) {
        return `roadmaps[${index}] lists ${count(length)} ${name}; Waymark imports up to ${count(limit)} a roadmap.`;
      }
    }
    const milestones = fieldOf(roadmap, "milestones");
    for (const [place, milestone] of (Array.isArray(milestones) ? milestones : []).entries()) {
      const length = lengthOf(fieldOf(milestone, "evidence"));
      if (length > IMPORT_LIMITS.evidencePerMilestone) {
        return `roadmaps[${index}].milestones[${place}] lists ${count(length)} evidence links; Waymark imports up to ${IMPORT_LIMITS.evidencePerMilestone} a milestone.`;
      }
    }
  }
  return null;
}

/** The place of an entry's field in a message: `roadmaps[0].milestones`, or `note[“odd key”]`. */
function placeOf(parent: string, key: string, inList: boolean): string {
  if (inList) return `${parent}[${key}]`;
  if (!/^[A-Za-z_$][\w$]{0,39}$/.test(key)) return `${parent}[${shownValue(key)}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * Where the file first nests deeper than IMPORT_MAX_DEPTH, named as far as SHOWN_DEPTH
 * (`roadmaps[0].milestones[0].note.body.a.a…`); null when it never does. It keeps its own
 * list of what is left to visit, so no nesting is too deep for it.
 */
function tooDeepAt(data: unknown): string | null {
  const pending: { value: unknown; place: string; depth: number }[] = [{ value: data, place: "", depth: 0 }];
  while (pending.length > 0) {
    const { value, place, depth } = pending.pop()!;
    if (typeof value !== "object" || value === null) continue;
    if (depth === IMPORT_MAX_DEPTH) return place;
    const entries = Object.entries(value);
    // Last first, so the first place in the file is the one named.
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, item] = entries[index]!;
      const shown = depth < SHOWN_DEPTH ? placeOf(place, key, Array.isArray(value)) : place.replace(/…?$/, "…");
      pending.push({ value: item, place: shown, depth: depth + 1 });
    }
  }
  return null;
}

export function readExportEnvelope(
  data: unknown,
): { ok: true; envelope: ExportEnvelope } | { ok: false; error: string } {
  const record =
    typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  if (record?.format !== EXPORT_FORMAT) {
    return { ok: false, error: "That file isn't a Waymark export: it has no “format”: “waymark-export” field." };
  }
  if (record.version !== EXPORT_VERSION) {
    const newer = typeof record.version === "number" && record.version > EXPORT_VERSION;
    return {
      ok: false,
      error: newer
        ? `That export is version ${record.version}, made by a newer Waymark; this one reads version ${EXPORT_VERSION}.`
        : `That export's version isn't one Waymark knows; this one reads version ${EXPORT_VERSION}.`,
    };
  }
  // Before any check that walks a value recursively.
  const tooDeep = tooDeepAt(record);
  if (tooDeep !== null) {
    return {
      ok: false,
      error: `${tooDeep} is nested more than ${IMPORT_MAX_DEPTH} levels deep; no Waymark export is. Nothing was changed.`,
    };
  }
  const parsed = exportEnvelopeSchema.safeParse(record);
  if (!parsed.success) {
    return { ok: false, error: "That export is damaged: “roadmaps” (and “feedback”, if present) must be lists." };
  }
  const tooLong = overLimit(parsed.data.roadmaps);
  if (tooLong) return { ok: false, error: `${tooLong} Nothing was changed.` };
  return { ok: true, envelope: parsed.data };
}

/* ---------- CSV ---------- */

export const CSV_COLUMNS = [
  "roadmap",
  "stage",
  "milestone",
  "title",
  "status",
  "started_at",
  "completed_at",
  "note",
  "evidence",
] as const;

/**
 * A spreadsheet runs a cell starting with = + - @ (or a tab or carriage return before one)
 * as a formula; a leading quote makes it text, which is how the OWASP advice defuses it.
 */
export function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string | null): string {
  const text = defuseFormula(value ?? "");
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per milestone, RFC 4180 quoting, CRLF line ends. */
export function toCsv(data: WaymarkExport): string {
  const rows: (string | null)[][] = [[...CSV_COLUMNS]];
  for (const roadmap of data.roadmaps) {
    for (const milestone of roadmap.milestones) {
      rows.push([
        roadmap.slug,
        milestone.stage,
        milestone.slug,
        milestone.title,
        milestone.status,
        milestone.startedAt,
        milestone.completedAt,
        milestone.note?.body ?? null,
        milestone.evidence.map((link) => `${link.title} <${link.url}>`).join("; "),
      ]);
    }
  }
  return rows.map((row) => row.map(csvCell).join(",") + "\r\n").join("");
}

/* ---------- Markdown ---------- */

/**
 * Titles are the learner's own text: backslash-escaping what Markdown would read as
 * emphasis, links, code, HTML or entities keeps them plain. Line breaks would start new
 * blocks, so whitespace runs become one space.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_{}[\]()<>#!|~&]/g, "\\$&");
}

/**
 * An angle-bracketed link destination cannot hold spaces, angle brackets or line breaks,
 * and a backslash would escape what follows it (the closing bracket, at the end).
 */
function markdownUrl(url: string): string {
  return `<${url.replace(/[\s<>\\]/g, (char) => encodeURIComponent(char))}>`;
}

/**
 * A note is Markdown already, so it keeps its formatting; quoting every line inside the milestone's list item
 * keeps its headings, lists and unclosed code fences from breaking out into the checklist.
 */
function markdownNote(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .trimEnd()
    .split("\n")
    .map((line) => (line.trim() ? `  > ${line}` : "  >"));
}

const CHECKLIST_SUFFIX: Record<MilestoneStatus, string> = {
  not_started: "",
  in_progress: " (in progress)",
  done: "",
  skipped: " (skipped)",
};

/** A checklist per roadmap and stage: done ticked, skipped struck through, notes quoted and evidence nested. */
export function toMarkdown(data: WaymarkExport): string {
  const timeZone = isValidTimeZone(data.account.timeZone) ? data.account.timeZone : "UTC";
  const day = (instant: string) => localDate(new Date(instant), timeZone);
  const lines = ["# Waymark export", "", `Exported ${day(data.exportedAt)}.`];
  if (data.roadmaps.length === 0) lines.push("", "Nothing to list yet: no roadmap has any progress.");
  for (const roadmap of data.roadmaps) {
    lines.push("", `## ${escapeMarkdown(roadmap.title)}`);
    for (const stage of roadmap.stages) {
      const milestones = roadmap.milestones.filter((milestone) => milestone.stage === stage.slug);
      if (milestones.length === 0) continue;
      lines.push("", `### ${escapeMarkdown(stage.title)}`, "");
      for (const milestone of milestones) {
        const title = escapeMarkdown(milestone.title);
        const done = milestone.status === "done";
        const label = milestone.status === "skipped" ? `~~${title}~~` : title;
        const finished = done && milestone.completedAt ? ` (done ${day(milestone.completedAt)})` : "";
        const retired = milestone.archived ? " (retired from the roadmap)" : "";
        lines.push(`- [${done ? "x" : " "}] ${label}${CHECKLIST_SUFFIX[milestone.status]}${finished}${retired}`);
        if (milestone.note?.body.trim()) lines.push(...markdownNote(milestone.note.body));
        for (const link of milestone.evidence) {
          lines.push(`  - [${escapeMarkdown(link.title)}](${markdownUrl(link.url)})`);
        }
      }
    }
  }
  return lines.join("\n") + "\n";
}
