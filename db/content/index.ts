import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { roadmapContentSchema, type RoadmapContent } from "./content-schema";

/*
 * Built-in roadmaps are files in the roadmap file format, one per roadmap, read beside the
 * module that holds this code: db/content/roadmaps here, and in the standalone build the
 * roadmaps folder the build copies next to prepare.mjs (as it does the migrations).
 */
export const builtInRoadmapsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "roadmaps");

/** Parses one roadmap file, naming the file and the place in it when it is wrong. */
export function parseBuiltInRoadmap(fileName: string, source: string): RoadmapContent {
  const result = roadmapContentSchema.safeParse(parse(source));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(top)"}: ${issue.message}`);
    throw new Error(`${fileName} is not a valid roadmap file:\n${problems.join("\n")}`);
  }
  return result.data;
}

/** Every roadmap the app ships; the sync writes each of them on start. */
export function loadBuiltInRoadmaps(directory = builtInRoadmapsFolder): RoadmapContent[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => parseBuiltInRoadmap(name, readFileSync(path.join(directory, name), "utf8")));
}
