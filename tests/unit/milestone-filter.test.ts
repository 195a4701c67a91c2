import { describe, expect, it } from "vitest";
import {
  milestoneMatches,
  milestoneQueryString,
  parseMilestoneQuery,
  visibleStages,
} from "@/lib/domain/milestone-filter";

const milestone = (id: string, title: string, skills: string[] = []) => ({ id, title, description: "", skills });

const stages = [
  { slug: "foundation", milestones: [milestone("sql", "Learn SQL"), milestone("git", "Learn Git")] },
  { slug: "backend", milestones: [milestone("api", "Build an API"), milestone("cache", "Caching", ["Redis"])] },
  { slug: "cloud", milestones: [milestone("docker", "Ship with containers", ["Docker"])] },
];

describe("the Done filter", () => {
  it("shows done milestones only: not in progress, skipped or untouched ones", () => {
    const statuses = { sql: "done", git: "in_progress", api: "skipped" } as const;
    const shown = ["sql", "git", "api", "cache"].filter((id) =>
      milestoneMatches(milestone(id, id), statuses, "done", ""),
    );
    expect(shown).toEqual(["sql"]);
  });
});

describe("the stages shown under a filter and search", () => {
  it("shows every stage, in order, while nothing narrows the list", () => {
    const shown = visibleStages(stages, {}, { filter: "all", search: "" });
    expect(shown.map(({ stage, index }) => [stage.slug, index])).toEqual([
      ["foundation", 0],
      ["backend", 1],
      ["cloud", 2],
    ]);
  });

  it("leaves out the stages with no match, keeping each stage's place in the roadmap", () => {
    const shown = visibleStages(stages, {}, { filter: "all", search: "docker" });
    expect(shown).toEqual([{ stage: stages[2], index: 2, milestones: [stages[2]!.milestones[0]] }]);
  });

  it("leaves out the stages a status filter empties", () => {
    const shown = visibleStages(stages, { cache: "done" }, { filter: "done", search: "" });
    expect(shown.map(({ stage, milestones }) => [stage.slug, milestones.map((m) => m.id)])).toEqual([
      ["backend", ["cache"]],
    ]);
  });

  it("shows no stage at all when nothing matches", () => {
    expect(visibleStages(stages, {}, { filter: "done", search: "docker" })).toEqual([]);
  });
});

describe("the filter and search in the address", () => {
  it("round-trips through the query string", () => {
    const query = { filter: "done", search: "docker compose" } as const;
    const href = milestoneQueryString(query);
    expect(href).toBe("?filter=done&q=docker+compose");
    expect(parseMilestoneQuery(Object.fromEntries(new URLSearchParams(href)))).toEqual(query);
  });

  it("leaves the address plain when everything shows", () => {
    expect(milestoneQueryString({ filter: "all", search: "  " })).toBe("");
  });

  it("falls back to everything for an unknown filter, and takes the first of repeated values", () => {
    expect(parseMilestoneQuery({ filter: "finished", q: ["redis", "sql"] })).toEqual({
      filter: "all",
      search: "redis",
    });
    expect(parseMilestoneQuery({})).toEqual({ filter: "all", search: "" });
  });

  it("cuts a very long search short", () => {
    expect(parseMilestoneQuery({ q: "x".repeat(5000) }).search).toHaveLength(200);
  });
});
