import "server-only";
import { stringify } from "yaml";
import { z } from "zod";
import { ROADMAP_FILE_FORMAT, roadmapContentSchema, type RoadmapContent } from "../../db/content/content-schema";
import { parseRoadmapFile, type RoadmapFileResult } from "../domain/roadmap-file";
import { getRoadmapVersionContent } from "./roadmap-versions";
import type { Viewer } from "./viewer";

/*
 * Roadmap files: the JSON Schema of the format, a published version written out as a file,
 * and a file read back (for import). The format itself is db/content/content-schema.ts.
 */

export const ROADMAP_SCHEMA_PATH = "/roadmap.schema.json";

export type RoadmapFileFormat = "yaml" | "json";

/** The JSON Schema editors check roadmap files against, generated from the zod schema. */
export function roadmapJsonSchema(origin: string): Record<string, unknown> {
  const generated = z.toJSONSchema(roadmapContentSchema, { io: "input" });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: `${origin}${ROADMAP_SCHEMA_PATH}`,
    title: "Waymark roadmap file",
    description: `A learning roadmap in the ${ROADMAP_FILE_FORMAT} format: stages in order, each with its milestones. Slugs are the stable ids that learners' progress follows.`,
    ...rest,
  };
}

/** A version of a roadmap as a file anyone who may view the roadmap can download. */
export async function exportRoadmapFile({
  viewer,
  slug,
  format,
  version,
  origin,
}: {
  viewer: Viewer | null;
  slug: string;
  format: RoadmapFileFormat;
  version?: number;
  origin: string;
}): Promise<{ fileName: string; text: string }> {
  const found = await getRoadmapVersionContent({ viewer, slug, version });
  const schemaUrl = `${origin}${ROADMAP_SCHEMA_PATH}`;
  const fileName = `${slug}-v${found.version}.${format}`;
  if (format === "json") {
    return { fileName, text: `${JSON.stringify(fileContentOf(found.content, schemaUrl), null, 2)}\n` };
  }
  const yaml = stringify(fileContentOf(found.content), { lineWidth: 0, aliasDuplicateObjects: false });
  return { fileName, text: `# yaml-language-server: $schema=${schemaUrl}\n${yaml}` };
}

/** `format` first, so a reader (and Waymark) knows the file at its top line. */
function fileContentOf(content: RoadmapContent, schemaUrl?: string) {
  const { $schema: _schema, format: _format, ...rest } = content;
  return { format: ROADMAP_FILE_FORMAT, ...(schemaUrl ? { $schema: schemaUrl } : {}), ...rest };
}

/** A roadmap file someone uploads, checked field by field against the format. */
export function readRoadmapFile(text: string, fileName: string): RoadmapFileResult<RoadmapContent> {
  return parseRoadmapFile(text, fileName, roadmapContentSchema);
}
