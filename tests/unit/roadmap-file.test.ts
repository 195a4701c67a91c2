import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { roadmapContentSchema } from "@/db/content/content-schema";
import { parseRoadmapFile, ROADMAP_FILE_MAX_BYTES, roadmapFileKind } from "@/lib/domain/roadmap-file";

const read = (text: string, fileName = "roadmap.yaml") => parseRoadmapFile(text, fileName, roadmapContentSchema);

const goodYaml = `# yaml-language-server: $schema=https://example.com/roadmap.schema.json
format: waymark-roadmap/1
slug: tiny-roadmap
title: Tiny roadmap
stages:
  - slug: basics
    title: Basics
    startMonth: 0
    endMonth: 3
    milestones:
      - slug: first-step
        title: First step
        resources:
          - title: The docs
            kind: docs
            free: true
            url: https://example.com/docs
  - slug: more
    title: More
    milestones:
      - slug: second-step
        title: Second step
`;

describe("parseRoadmapFile", () => {
  it("reads a good YAML file, filling in the defaults", () => {
    const result = read(goodYaml);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.kind).toBe("yaml");
    expect(result.content.stages[1]!.startMonth).toBeNull();
    expect(result.content.stages[0]!.milestones[0]!.doneWhen).toEqual([]);
  });

  it("reads the same roadmap as JSON", () => {
    const yamlResult = read(goodYaml);
    if (!yamlResult.ok) throw new Error("the YAML should read");
    const result = read(JSON.stringify(yamlResult.content), "roadmap.json");
    expect(result).toEqual({ ok: true, kind: "json", content: yamlResult.content });
  });

  it("reports every problem with its field path, line and column", () => {
    const broken = goodYaml
      .replace("title: First step", "title: ''")
      .replace("kind: docs", "kind: podcast")
      .replace("    title: More\n", "    title: More\n    colour: blue\n")
      .replace("url: https://example.com/docs", "url: http://example.com/docs");
    const result = read(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.problems.map((problem) => [problem.path, problem]));
    expect(byPath["stages[0].milestones[0].title"]).toMatchObject({ line: 12, column: 9 });
    expect(byPath["stages[0].milestones[0].resources[0].kind"]).toMatchObject({ line: 15, column: 13 });
    expect(byPath["stages[0].milestones[0].resources[0].url"]).toMatchObject({ line: 17, column: 13 });
    expect(byPath["stages[1].colour"]).toMatchObject({ line: 20, column: 5 });
    expect(byPath["stages[1].colour"]!.message).toContain("Unknown field “colour”");
    expect(result.problems).toHaveLength(4);
  });

  it("says a missing field is required and points at the object it is missing from", () => {
    const result = read(goodYaml.replace("    title: Basics\n", ""));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { path: "stages[0].title", line: 6, column: 5, message: "This field is required." },
    ]);
  });

  it("finds places in a JSON file too", () => {
    const json = JSON.stringify({ slug: "x", title: "Tiny", stages: [] }, null, 2);
    const result = read(json, "roadmap.json");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ path: "slug", line: 2, column: 3 });
  });

  it("reports duplicate milestone slugs where the second one is", () => {
    const result = read(goodYaml.replace("slug: second-step", "slug: first-step"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({
        path: "stages[1].milestones[0].slug",
        line: 21,
        message: "duplicate milestone slug first-step",
      }),
    ]);
  });

  it("refuses YAML that does not parse, with the line", () => {
    const result = read("slug: a\ntitle: [unclosed\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message).toMatch(/^This is not valid YAML/);
    expect(result.problems[0]!.line).toBeGreaterThan(0);
  });

  it("refuses JSON that does not parse", () => {
    const result = read('{"slug": "a", }', "roadmap.json");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message).toMatch(/^This is not valid JSON/);
  });

  it("refuses anchors and aliases, so a billion-laughs file expands nothing", () => {
    const laughs = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...Array.from({ length: 8 }, (_, i) => {
        const name = String.fromCharCode(98 + i);
        const previous = String.fromCharCode(97 + i);
        return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(",")}]`;
      }),
    ].join("\n");
    const result = read(laughs);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message).toContain("anchors or aliases");
  });

  it("refuses a file over the size limit before reading it", () => {
    const result = read(`title: "${"x".repeat(ROADMAP_FILE_MAX_BYTES)}"`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message).toContain("at most 1 MB");
  });

  it("refuses a file that is not one object", () => {
    for (const text of ["- a\n- b\n", "just words", "", "null"]) {
      const result = read(text);
      expect(result.ok, text).toBe(false);
    }
  });

  it("survives nesting deep enough to break a recursive reader", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(read(deep, "deep.json").ok).toBe(false);
    expect(read(deep, "deep.yaml").ok).toBe(false);
  });

  it("refuses a wrong format version", () => {
    const result = read(goodYaml.replace("waymark-roadmap/1", "waymark-roadmap/2"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ path: "format", line: 2, column: 1 });
  });

  it("reads back what the export writes", () => {
    const first = read(goodYaml);
    if (!first.ok) throw new Error("the YAML should read");
    expect(read(stringify({ format: "waymark-roadmap/1", ...first.content })).ok).toBe(true);
  });
});

describe("roadmapFileKind", () => {
  it("goes by the extension, then by the first character", () => {
    expect(roadmapFileKind("{}", "a.YML")).toBe("yaml");
    expect(roadmapFileKind("a: 1", "a.json")).toBe("json");
    expect(roadmapFileKind("  {\n}", "upload")).toBe("json");
    expect(roadmapFileKind("slug: a", "upload")).toBe("yaml");
  });
});

describe("the nesting guard", () => {
  it("is not fooled by apostrophes or brackets inside text", () => {
    const lines = Array.from({ length: 40 }, (_, i) => `          Don't [panic ${i}, it's {fine`).join("\n");
    const skills = Array.from({ length: 10 }, (_, i) => `          - "it's [not ${i}"`).join("\n");
    const text = goodYaml.replace(
      "        title: First step\n",
      `        title: First step\n        description: |\n${lines}\n        skills:\n${skills}\n`,
    );
    expect(read(text)).toMatchObject({ ok: true });
  });
});
