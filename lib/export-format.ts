/*
 * The Waymark export file, version 1, and its CSV and Markdown renderings. Pure: the data
 * layer builds and reads these objects, the route serialises them.
 */
import { z } from "zod";
import { isLocalDate, isValidTimeZone, localDate } from "./dates";
import { MILESTONE_STATUSES, type MilestoneStatus } from "./progress";

export const EXPORT_FORMAT = "waymark-export";
export const EXPORT_VERSION = 1;
/** The largest file import reads: far above any real export, small enough to parse at once. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const instantSchema = z.iso.datetime({ offset: true });
export const localDateSchema = z.string().refine(isLocalDate);
export const statusSchema = z.enum(MILESTONE_STATUSES);

export const exportedNoteSchema = z.object({ body: z.string(), updatedAt: instantSchema });

export const exportedEvidenceSchema = z.object({ title: z.string(), url: z.string(), addedAt: instantSchema });

export const exportedMilestoneSchema = z.object({
  slug: z.string().min(1),
  title: z.string(),
  stage: z.string(),
  archived: z.boolean(),
  status: statusSchema,
  startedAt: instantSchema.nullable(),
  completedAt: instantSchema.nullable(),
  note: exportedNoteSchema.nullable(),
  evidence: z.array(exportedEvidenceSchema),
});

export const exportedEventSchema = z.object({
  milestone: z.string().min(1),
  from: statusSchema,
  to: statusSchema,
  at: instantSchema,
  /** Present, and true, only when someone other than the learner made the change. */
  byMentor: z.literal(true).optional(),
});

export const exportedStageTargetSchema = z.object({ stage: z.string().min(1), targetDate: localDateSchema });

export const exportedRoadmapSchema = z.object({
  slug: z.string().min(1),
  title: z.string(),
  /** When the learner started following the roadmap; null when they only keep notes or evidence on it. */
  startedAt: instantSchema.nullable(),
  plannedStart: localDateSchema.nullable(),
  targetDate: localDateSchema.nullable(),
  /** Headings for the checklist; import reads titles from the roadmap itself. */
  stages: z.array(z.object({ slug: z.string().min(1), title: z.string() })),
  stageTargets: z.array(exportedStageTargetSchema),
  milestones: z.array(exportedMilestoneSchema),
  history: z.array(exportedEventSchema),
});

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
export const exportEnvelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  roadmaps: z.array(z.unknown()),
  feedback: z.array(z.unknown()).default([]),
});

export type ExportEnvelope = z.infer<typeof exportEnvelopeSchema>;

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
  const parsed = exportEnvelopeSchema.safeParse(record);
  if (!parsed.success) {
    return { ok: false, error: "That export is damaged: “roadmaps” (and “feedback”, if present) must be lists." };
  }
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

/** An angle-bracketed link destination cannot hold spaces, angle brackets or line breaks. */
function markdownUrl(url: string): string {
  return `<${url.replace(/[\s<>]/g, (char) => encodeURIComponent(char))}>`;
}

const CHECKLIST_SUFFIX: Record<MilestoneStatus, string> = {
  not_started: "",
  in_progress: " (in progress)",
  done: "",
  skipped: " (skipped)",
};

/** A checklist per roadmap and stage: done ticked, skipped struck through, evidence nested. */
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
        for (const link of milestone.evidence) {
          lines.push(`  - [${escapeMarkdown(link.title)}](${markdownUrl(link.url)})`);
        }
      }
    }
  }
  return lines.join("\n") + "\n";
}
