/*
 * Reading a roadmap file (YAML or JSON) someone uploads: every problem comes back with its
 * place in the file, the field's path (stages[1].milestones[0].title) and, where the text
 * can be mapped, its line and column, so the author can fix the file in their editor.
 *
 * The schema is passed in (roadmapContentSchema from db/content/content-schema.ts, which
 * lib/domain may not import) so this stays pure and runs in the browser too.
 */
import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";

/** The largest roadmap file read: the largest roadmap the limits allow is well under it. */
export const ROADMAP_FILE_MAX_BYTES = 1024 * 1024;

/**
 * How deep brackets may nest. A roadmap reaches 6 (stages[0].milestones[0].resources[0]);
 * parsers take seconds over a megabyte of "[[[[", so such a file is refused before parsing.
 */
export const ROADMAP_FILE_MAX_DEPTH = 32;

/** More would only bury the first ones: a file with this many is fixed from the top. */
export const ROADMAP_FILE_MAX_PROBLEMS = 50;

/**
 * A schema's safeParse, or null when the input was too big for it to walk (zod recurses, and
 * a list of a hundred thousand wrong items overflows the stack): too big is an answer too.
 */
export function safeParseBounded<T>(
  schema: z.ZodType<T>,
  value: unknown,
): ReturnType<z.ZodType<T>["safeParse"]> | null {
  try {
    return schema.safeParse(value);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

export type RoadmapFileKind = "yaml" | "json";

export type RoadmapFileProblem = {
  /** Where in the roadmap: "stages[1].milestones[0].title", or "" for the file as a whole. */
  path: string;
  /** 1-based, when the place could be found in the text. */
  line?: number;
  column?: number;
  message: string;
};

export type RoadmapFileResult<T> =
  | { ok: true; content: T; kind: RoadmapFileKind }
  | { ok: false; problems: RoadmapFileProblem[]; kind: RoadmapFileKind | null };

type PathPart = string | number;

/** By extension; otherwise a file whose first visible character opens a JSON object is JSON. */
export function roadmapFileKind(text: string, fileName: string): RoadmapFileKind {
  const name = fileName.toLowerCase();
  if (name.endsWith(".json")) return "json";
  if (name.endsWith(".yaml") || name.endsWith(".yml")) return "yaml";
  return text.trimStart().startsWith("{") ? "json" : "yaml";
}

/** "stages[1].milestones[0].title" */
export function formatPath(path: readonly PathPart[]): string {
  return path.reduce<string>(
    (shown, part) => (typeof part === "number" ? `${shown}[${part}]` : shown ? `${shown}.${part}` : part),
    "",
  );
}

export function parseRoadmapFile<T>(text: string, fileName: string, schema: z.ZodType<T>): RoadmapFileResult<T> {
  const size = new TextEncoder().encode(text).length;
  if (size > ROADMAP_FILE_MAX_BYTES) {
    return {
      ok: false,
      kind: null,
      problems: [{ path: "", message: `The file is ${megabytes(size)}; a roadmap file may be at most 1 MB.` }],
    };
  }
  const kind = roadmapFileKind(text, fileName);
  if (bracketDepthExceeds(text, ROADMAP_FILE_MAX_DEPTH)) {
    return {
      ok: false,
      kind,
      problems: [
        {
          path: "",
          message: `The file nests lists or objects more than ${ROADMAP_FILE_MAX_DEPTH} deep; a roadmap goes 6 deep at most.`,
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  let document: Document | undefined;
  let value: unknown;
  try {
    // JSON is YAML too: parsing it as a document as well maps its problems to lines.
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    if (kind === "json") {
      value = JSON.parse(text);
    } else {
      const syntax = document.errors[0];
      if (syntax) {
        const place = lineCounter.linePos(syntax.pos[0]);
        return {
          ok: false,
          kind,
          problems: [
            { path: "", line: place.line, column: place.col, message: `This is not valid YAML: ${syntax.message}` },
          ],
        };
      }
      if (usesAliases(document)) {
        return {
          ok: false,
          kind,
          problems: [
            {
              path: "",
              message:
                "The file uses YAML anchors or aliases (& and *), which roadmap files may not: write each value out.",
            },
          ],
        };
      }
      value = document.toJS({ maxAliasCount: 0 });
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : "it could not be read";
    return {
      ok: false,
      kind,
      problems: [{ path: "", message: `This is not valid ${kind === "json" ? "JSON" : "YAML"}: ${reason}` }],
    };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return {
      ok: false,
      kind,
      problems: [{ path: "", message: "A roadmap file holds one object, starting with its format, slug and title." }],
    };
  }

  const parsed = safeParseBounded(schema, value);
  if (!parsed) {
    return { ok: false, kind, problems: [{ path: "", message: "This file is too large or too deep to check." }] };
  }
  if (parsed.success) return { ok: true, content: parsed.data, kind };
  const located = document && document.errors.length === 0 ? document : undefined;
  return {
    ok: false,
    kind,
    problems: parsed.error.issues
      .slice(0, ROADMAP_FILE_MAX_PROBLEMS)
      .map((issue) => problemOf(issue, value, located, lineCounter)),
  };
}

function problemOf(
  issue: z.core.$ZodIssue,
  value: unknown,
  document: Document | undefined,
  lineCounter: LineCounter,
): RoadmapFileProblem {
  let path: PathPart[] = issue.path.filter((part): part is PathPart => typeof part !== "symbol");
  let message = issue.message;
  if (issue.code === "unrecognized_keys") {
    const [first] = issue.keys;
    message = `Unknown ${issue.keys.length === 1 ? "field" : "fields"} ${issue.keys.map((key) => `“${key}”`).join(", ")}: check the spelling against the format.`;
    if (first !== undefined) path = [...path, first];
  } else if (issue.code === "invalid_type" && valueAt(value, path) === undefined) {
    message = "This field is required.";
  }
  const place = document ? placeOf(document, path, lineCounter) : undefined;
  return { path: formatPath(path), ...place, message };
}

function valueAt(value: unknown, path: readonly PathPart[]): unknown {
  let current = value;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PathPart, unknown>)[part];
  }
  return current;
}

/**
 * The line and column of the deepest place the path reaches: a field's key (so an unknown
 * field points at its name), a list item's start, or, for a field that is missing, the
 * object it is missing from.
 */
function placeOf(
  document: Document,
  path: readonly PathPart[],
  lineCounter: LineCounter,
): { line: number; column: number } | undefined {
  let node: unknown = document.contents;
  let offset = isNode(node) ? node.range?.[0] : undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part));
      if (!pair || !isNode(pair.key)) break;
      offset = pair.key.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(part)];
      if (!isNode(item)) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function usesAliases(document: Document): boolean {
  let found = false;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== "object") return;
    if (isAlias(node) || (isNode(node) && node.anchor)) {
      found = true;
      return;
    }
    if ("items" in node && Array.isArray(node.items)) node.items.forEach(visit);
    if ("key" in node) visit(node.key);
    if ("value" in node) visit(node.value);
  };
  visit(document.contents);
  return found;
}

/**
 * How deep JSON or YAML flow collections ([…], {…}) nest, counted without parsing. A bracket
 * opens one where a value can start (after "key:", "- ", at a line's start, or inside another
 * collection), never inside quoted text or a comment, so "Don't [panic" in plain text counts
 * nothing. A quote ends at its line's end at the latest: a stray one hides no more than that.
 */
function bracketDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let quote: string | null = null;
  let comment = false;
  let previous = "\n";
  // The line's last character that is not a space: "" at its start.
  let lastVisible = "";
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === "\n") {
      quote = null;
      comment = false;
      lastVisible = "";
    } else if (comment) {
      continue;
    } else if (quote) {
      if (char === "\\" && quote === '"') index += 1;
      else if (char === quote) quote = null;
    } else if (char === "#" && (previous === " " || previous === "\t" || previous === "\n")) {
      comment = true;
    } else if ((char === '"' || char === "'") && ["", ":", "-", "?", "[", "{", ","].includes(lastVisible)) {
      quote = char;
    } else if ((char === "[" || char === "{") && (depth > 0 || ["", ":", "-", "?"].includes(lastVisible))) {
      depth += 1;
      if (depth > max) return true;
    } else if ((char === "]" || char === "}") && depth > 0) {
      depth -= 1;
    }
    if (char !== " " && char !== "\t" && char !== "\n") lastVisible = char;
    previous = char;
  }
  return false;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
