import "server-only";
import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Transaction } from "../../db/client";
import { forgetRoadmapContent } from "../../db/content/cache";
import {
  publishProblems,
  roadmapContentSchema,
  ROADMAP_LIMITS,
  type RoadmapContent,
} from "../../db/content/content-schema";
import { recordVersion, sameVersionContent, versionContentOf, writePublishedContent } from "../../db/content/sync";
import { roadmaps, roadmapVersions } from "../../db/schema";
import { AppError, UNSTORABLE_TEXT_MESSAGE, type FieldErrors } from "../domain/errors";
import { ROADMAP_FILE_MAX_PROBLEMS, safeParseBounded, type RoadmapFileProblem } from "../domain/roadmap-file";
import { newRoadmapSlug } from "../domain/roadmap-slugs";
import { lockLearner } from "./internal/learner-lock";
import {
  findRoadmapAccess,
  lockRoadmapForEdit,
  noRoadmap,
  requireRoadmapAccess,
  requireRoadmapPermission,
} from "./roadmap-access";
import { readRoadmapFile } from "./roadmap-files";
import type { Viewer } from "./viewer";

/*
 * Writing roadmaps: creating one, its draft, its visibility, publishing it, copying one.
 * Every function asks lib/data/roadmap-access.ts first; whoever may not edit a roadmap gets
 * the same not-found as for a roadmap that does not exist.
 */

export const ROADMAPS_PER_ACCOUNT = 50;
export const ROADMAP_VISIBILITIES = ["private", "unlisted", "public"] as const;
export type RoadmapVisibility = (typeof ROADMAP_VISIBILITIES)[number];

export type RoadmapEditorView = {
  id: string;
  slug: string;
  visibility: RoadmapVisibility;
  draft: RoadmapContent;
  draftRevision: number;
  publishedVersion: number;
  /** The latest published version's content, to tell the author what is not published yet; null before the first. */
  published: RoadmapContent | null;
};

export type DraftSaveResult =
  | { saved: true; revision: number }
  /** Another tab or device saved first: its revision and draft, for the author to choose between. */
  | { saved: false; revision: number; draft: RoadmapContent };

/** A NUL, or half of a surrogate pair: text Postgres refuses to store in text or jsonb. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const roadmapTitleSchema = z
  .string()
  .trim()
  .min(1, "Give your roadmap a title.")
  .max(ROADMAP_LIMITS.titleLength, `A title can be up to ${ROADMAP_LIMITS.titleLength} characters.`)
  .refine((title) => !UNSTORABLE.test(title), UNSTORABLE_TEXT_MESSAGE);

function emptyDraft(slug: string, title: string): RoadmapContent {
  return { slug, title, summary: "", stages: [], salaryGuides: [], salaryCaveat: "" };
}

/** Called under the account's lock, so two tabs creating at once cannot both pass the limit. */
async function requireRoomForRoadmap(tx: Transaction, viewer: Viewer): Promise<void> {
  await lockLearner(tx, viewer.id);
  const [row] = await tx.select({ owned: count() }).from(roadmaps).where(eq(roadmaps.ownerId, viewer.id));
  if ((row?.owned ?? 0) >= ROADMAPS_PER_ACCOUNT) {
    throw new AppError(
      "CONFLICT",
      `You already have ${ROADMAPS_PER_ACCOUNT} roadmaps, the most one account can hold. Delete one you no longer need to make room.`,
    );
  }
}

async function insertRoadmap(
  tx: Transaction,
  viewer: Viewer,
  draft: RoadmapContent,
  forkedFromId: string | null,
): Promise<{ id: string; slug: string }> {
  const [row] = await tx
    .insert(roadmaps)
    .values({
      slug: draft.slug,
      title: draft.title,
      summary: draft.summary,
      salaryGuides: [],
      salaryCaveat: "",
      ownerId: viewer.id,
      visibility: "private",
      forkedFromId,
      draft,
    })
    .returning({ id: roadmaps.id, slug: roadmaps.slug });
  return row!;
}

/** A new, private, empty roadmap owned by the viewer; its address is made here and never changes. */
export async function createRoadmap({ viewer, title }: { viewer: Viewer; title: string }) {
  const parsed = roadmapTitleSchema.safeParse(title);
  if (!parsed.success) {
    const message = parsed.error.issues[0]!.message;
    throw new AppError("INVALID_INPUT", message, { title: [message] });
  }
  const slug = newRoadmapSlug(parsed.data);
  return getDb().transaction(async (tx) => {
    await requireRoomForRoadmap(tx, viewer);
    return insertRoadmap(tx, viewer, emptyDraft(slug, parsed.data), null);
  });
}

export type RoadmapImport = { ok: true; slug: string } | { ok: false; problems: RoadmapFileProblem[] };

/**
 * A new private roadmap from a roadmap file (YAML or JSON), as its owner's draft: every field
 * is checked first, and every problem reported with its place, or the roadmap is created whole.
 * Its stages and milestones keep the file's slugs; the roadmap gets an address of its own.
 */
export async function importRoadmapFile({
  viewer,
  fileName,
  text,
}: {
  viewer: Viewer;
  fileName: string;
  text: string;
}): Promise<RoadmapImport> {
  const read = readRoadmapFile(text, fileName);
  if (!read.ok) return { ok: false, problems: read.problems };
  const content = versionContentOf(read.content);
  const nul = pathToNul(content);
  if (nul) return { ok: false, problems: [{ path: nul.join("."), message: UNSTORABLE_TEXT_MESSAGE }] };
  const slug = newRoadmapSlug(content.title);
  return getDb().transaction(async (tx) => {
    await requireRoomForRoadmap(tx, viewer);
    await insertRoadmap(tx, viewer, { ...content, slug }, null);
    return { ok: true as const, slug };
  });
}

/** The editor's content of a roadmap: its owner's only; anyone else gets not-found. */
export async function getRoadmapEditor({ viewer, slug }: { viewer: Viewer; slug: string }): Promise<RoadmapEditorView> {
  const access = await findRoadmapAccess(viewer.id, slug);
  if (!access) throw noRoadmap();
  requireRoadmapPermission(access, "edit");
  const [row] = await getDb()
    .select({ draft: roadmaps.draft, published: roadmapVersions.content })
    .from(roadmaps)
    .leftJoin(
      roadmapVersions,
      and(eq(roadmapVersions.roadmapId, roadmaps.id), eq(roadmapVersions.version, roadmaps.publishedVersion)),
    )
    .where(eq(roadmaps.id, access.roadmap.id));
  if (!row) throw noRoadmap();
  const { id, visibility, draftRevision, publishedVersion } = access.roadmap;
  const draft = row.draft ?? row.published ?? emptyDraft(slug, access.roadmap.title);
  return { id, slug, visibility, draft: { ...draft, slug }, draftRevision, publishedVersion, published: row.published };
}

/** Deeper than any field of the format (stages.0.milestones.0.resources.0.title): the schema refuses it anyway. */
const DEEPEST_FIELD = 8;

/** Where a value holds text Postgres cannot store, as a field path. */
function pathToNul(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === "string") return UNSTORABLE.test(value) ? path : null;
  if (typeof value !== "object" || value === null || path.length > DEEPEST_FIELD) return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = pathToNul(inner, [...path, Array.isArray(value) ? Number(key) : key]);
    if (found) return found;
  }
  return null;
}

const fieldPath = (path: readonly PropertyKey[]) => path.map(String).join(".");

/** The draft, checked against the file format and its limits; refused with each problem at its field's path. */
export function parseDraft(draft: unknown): RoadmapContent {
  const nul = pathToNul(draft);
  if (nul)
    throw new AppError("INVALID_INPUT", UNSTORABLE_TEXT_MESSAGE, { [fieldPath(nul)]: [UNSTORABLE_TEXT_MESSAGE] });
  const parsed = safeParseBounded(roadmapContentSchema, draft);
  if (!parsed)
    throw new AppError("INVALID_INPUT", "This draft is too large to save: a roadmap holds at most 300 milestones.");
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues.slice(0, ROADMAP_FILE_MAX_PROBLEMS)) {
    const key = fieldPath(issue.path);
    (fieldErrors[key] ??= []).push(draftIssueMessage(issue));
  }
  const first = parsed.error.issues[0]!;
  const place = placeOf(first.path);
  const message = `Couldn't save${place ? ` (${place})` : ""}: ${draftIssueMessage(first)}`;
  throw new AppError("INVALID_INPUT", message, fieldErrors);
}

const FIELD_NAMES: Record<string, string> = {
  title: "title",
  summary: "summary",
  description: "description",
  practice: "practice idea",
  url: "address",
  startMonth: "start month",
  endMonth: "end month",
};
const LIST_ITEMS: Record<string, string> = {
  stages: "stage",
  milestones: "milestone",
  resources: "resource",
  doneWhen: "“Done when” check",
};

/** Where a problem is, as an author would say it: "stage 2, milestone 1, address". */
function placeOf(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const [index, key] of path.entries()) {
    const next = path[index + 1];
    if (typeof key === "string" && LIST_ITEMS[key] && typeof next === "number") {
      parts.push(`${LIST_ITEMS[key]} ${next + 1}`);
    } else if (typeof key === "string" && FIELD_NAMES[key]) {
      parts.push(FIELD_NAMES[key]);
    }
  }
  return parts.join(", ");
}

/** zod's wording made plain for an author. */
function draftIssueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "too_small" && issue.origin === "string") return "This can't be empty.";
  if (issue.code === "too_big" && issue.origin === "string") return `This can be up to ${issue.maximum} characters.`;
  if (issue.code === "too_big" && issue.origin === "array") {
    const what = issue.path.at(-1) === "stages" ? "stages" : "items";
    return `A roadmap holds at most ${issue.maximum} ${what} here.`;
  }
  if (issue.code === "invalid_format" && issue.format === "url") return "Use an address starting with https://.";
  return issue.message;
}

/**
 * Saves the whole draft, if it was written on the latest saved revision; otherwise nothing is
 * written and the author gets the other revision, to keep theirs (save again on it) or take it.
 */
export async function saveRoadmapDraft({
  viewer,
  roadmapId,
  baseRevision,
  draft,
}: {
  viewer: Viewer;
  roadmapId: string;
  baseRevision: number;
  draft: unknown;
}): Promise<DraftSaveResult> {
  const content = parseDraft(draft);
  return getDb().transaction(async (tx) => {
    const { roadmap } = await lockRoadmapForEdit(tx, viewer, roadmapId);
    if (roadmap.draftRevision !== baseRevision) {
      const [row] = await tx.select({ draft: roadmaps.draft }).from(roadmaps).where(eq(roadmaps.id, roadmapId));
      return {
        saved: false,
        revision: roadmap.draftRevision,
        draft: { ...(row?.draft ?? content), slug: roadmap.slug },
      } as const;
    }
    const revision = roadmap.draftRevision + 1;
    const kept = { ...content, slug: roadmap.slug };
    // Before the first publish the roadmap is its draft: its owner's lists show the draft's title.
    const shown = roadmap.publishedVersion === 0 ? { title: kept.title, summary: kept.summary } : {};
    await tx
      .update(roadmaps)
      .set({ draft: kept, draftRevision: revision, updatedAt: new Date(), ...shown })
      .where(eq(roadmaps.id, roadmapId));
    return { saved: true, revision } as const;
  });
}

export async function setRoadmapVisibility({
  viewer,
  roadmapId,
  visibility,
}: {
  viewer: Viewer;
  roadmapId: string;
  visibility: RoadmapVisibility;
}): Promise<{ visibility: RoadmapVisibility }> {
  await getDb().transaction(async (tx) => {
    await lockRoadmapForEdit(tx, viewer, roadmapId);
    await tx.update(roadmaps).set({ visibility, updatedAt: new Date() }).where(eq(roadmaps.id, roadmapId));
  });
  return { visibility };
}

/**
 * Publishes the saved draft as the next immutable version, if the author has seen the latest
 * save (baseRevision). Stages and milestones are matched by slug, so learners' progress stays
 * with them; dropped milestones are archived with their progress.
 */
export async function publishRoadmap({
  viewer,
  roadmapId,
  baseRevision,
}: {
  viewer: Viewer;
  roadmapId: string;
  baseRevision: number;
}): Promise<{ version: number }> {
  const version = await getDb().transaction(async (tx) => {
    await lockRoadmapForEdit(tx, viewer, roadmapId);
    const [row] = await tx.select().from(roadmaps).where(eq(roadmaps.id, roadmapId));
    if (!row) throw noRoadmap();
    if (row.draftRevision !== baseRevision) {
      throw new AppError(
        "CONFLICT",
        "This roadmap was changed in another tab or device since your last save. Reload to see the latest version.",
      );
    }
    if (!row.draft) throw new AppError("INVALID_INPUT", "Nothing has changed since the last publish.");
    const content = parseDraft({ ...row.draft, slug: row.slug });
    const problems = publishProblems(content);
    if (problems.length > 0) {
      const fieldErrors: FieldErrors = {};
      for (const problem of problems) (fieldErrors[fieldPath(problem.path)] ??= []).push(problem.message);
      throw new AppError("INVALID_INPUT", problems[0]!.message, fieldErrors);
    }
    const [latest] = await tx
      .select({ content: roadmapVersions.content })
      .from(roadmapVersions)
      .where(and(eq(roadmapVersions.roadmapId, roadmapId), eq(roadmapVersions.version, row.publishedVersion)));
    // Every version is kept and listed: publishing the same content again would only add noise.
    if (latest && sameVersionContent(latest.content, content)) {
      throw new AppError(
        "CONFLICT",
        `Nothing has changed since version ${row.publishedVersion}, so there is nothing to publish.`,
      );
    }
    await writePublishedContent(tx, row, content);
    return recordVersion(tx, roadmapId, content, viewer.id);
  });
  forgetRoadmapContent();
  return { version };
}

/**
 * "Copy and edit": a new private roadmap of the viewer's, whose draft is the source's latest
 * published content (the owner's own draft when they copy their own). Stage and milestone
 * slugs are kept, so the copy can later be compared with its source.
 */
export async function copyRoadmap({ viewer, slug }: { viewer: Viewer; slug: string }) {
  const access = await requireRoadmapAccess({ viewer, slug, permission: "copy" });
  const { roadmap } = access;
  const [source] = await getDb()
    .select({ draft: roadmaps.draft, published: roadmapVersions.content })
    .from(roadmaps)
    .leftJoin(
      roadmapVersions,
      and(eq(roadmapVersions.roadmapId, roadmaps.id), eq(roadmapVersions.version, roadmaps.publishedVersion)),
    )
    .where(eq(roadmaps.id, roadmap.id));
  const content = (access.role === "owner" ? (source?.draft ?? source?.published) : source?.published) ?? null;
  if (!content) throw noRoadmap();
  // Cut by characters, not UTF-16 units: half an emoji can't be stored.
  const title = Array.from(`Copy of ${content.title}`).slice(0, ROADMAP_LIMITS.titleLength).join("").trim();
  const draft = versionContentOf({ ...content, title, slug: newRoadmapSlug(content.title) });
  return getDb().transaction(async (tx) => {
    await requireRoomForRoadmap(tx, viewer);
    return insertRoadmap(tx, viewer, draft, roadmap.id);
  });
}

/**
 * Deletes a roadmap that was never published: nobody can have followed it or copied a
 * version of it. A published one stays, for the learners who follow it.
 */
export async function deleteRoadmap({ viewer, roadmapId }: { viewer: Viewer; roadmapId: string }) {
  await getDb().transaction(async (tx) => {
    const { roadmap } = await lockRoadmapForEdit(tx, viewer, roadmapId);
    if (roadmap.publishedVersion > 0) {
      throw new AppError(
        "CONFLICT",
        "A published roadmap can't be deleted: learners may be following it. Make it private instead.",
      );
    }
    await tx.delete(roadmaps).where(eq(roadmaps.id, roadmapId));
  });
  return { deleted: true };
}
