import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The house plan's arrows, type imports included: ESLint's import/no-cycle passes over
 * `import type`, and a circle of types still ties two modules together.
 */
const root = path.resolve(import.meta.dirname, "../..");
const FOLDERS = ["app", "components", "db", "lib"];
const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];
const SPECIFIER = /(?:from|import)\s*\(?\s*["']([^"']+)["']/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder)).flatMap((name) => {
    const relative = path.posix.join(folder, name);
    if (statSync(path.join(root, relative)).isDirectory()) return name === "migrations" ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(name) ? [relative] : [];
  });
}

const files = new Set(FOLDERS.flatMap(sourceFiles));

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? specifier.slice(2)
    : specifier.startsWith(".")
      ? path.posix.join(path.posix.dirname(from), specifier)
      : null;
  if (base === null) return null;
  return EXTENSIONS.map((extension) => path.posix.normalize(base + extension)).find((file) => files.has(file)) ?? null;
}

const imports = new Map(
  [...files].map((file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const targets = [...source.matchAll(SPECIFIER)].flatMap(([, specifier]) => resolve(file, specifier!) ?? []);
    return [file, new Set(targets)] as const;
  }),
);

function findCycle(): string[] | null {
  const state = new Map<string, "open" | "done">();
  const trail: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === "done") return null;
    if (state.get(file) === "open") return [...trail.slice(trail.indexOf(file)), file];
    state.set(file, "open");
    trail.push(file);
    for (const target of imports.get(file) ?? []) {
      const cycle = visit(target);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(file, "done");
    return null;
  };
  for (const file of files) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

const importsFrom = (folder: string, forbidden: string) =>
  [...imports].flatMap(([file, targets]) =>
    file.startsWith(`${folder}/`)
      ? [...targets].filter((target) => target.startsWith(`${forbidden}/`)).map((target) => `${file} → ${target}`)
      : [],
  );

describe("the import graph", () => {
  it("reads the source it is about", () => {
    expect(imports.get("lib/server/action.ts")?.has("lib/server/auth.ts")).toBe(true);
  });

  it("has no circle, counting type imports", () => {
    expect(findCycle()).toBeNull();
  });

  it("never runs from db/ to lib/, from components/ to app/, or from lib/ to either (but for lib/jobs/ rendering mail)", () => {
    expect([
      ...importsFrom("db", "lib"),
      ...importsFrom("components", "app"),
      ...importsFrom("lib", "app"),
      ...importsFrom("lib", "components").filter((line) => !/^lib\/jobs\/\S+ → components\/emails\//.test(line)),
    ]).toEqual([]);
  });

  it("renders mail only in lib/jobs/", () => {
    expect(importsFrom("lib", "components/emails").filter((line) => !line.startsWith("lib/jobs/"))).toEqual([]);
  });
});
