import { describe, expect, it } from "vitest";
import { isSlug } from "@/db/content/content-schema";
import { newItemSlug, newRoadmapSlug, slugOfTitle } from "@/lib/domain/roadmap-slugs";

/** A random source that repeats the values given. */
const repeating = (...values: number[]) => {
  let next = 0;
  return () => values[next++ % values.length]!;
};

describe("slugs of authored roadmaps", () => {
  it("are the title's words (at most 40 characters) and 12 random base36 characters", () => {
    expect(newRoadmapSlug("Data Engineering: from SQL to Spark!", repeating(0))).toBe(
      "data-engineering-from-sql-to-spark-000000000000",
    );
    expect(newRoadmapSlug("Café & Crème brûlée", repeating(0.99))).toBe("cafe-creme-brulee-zzzzzzzzzzzz");
    const long = newRoadmapSlug("A very long title that keeps going well past the forty character cut");
    expect(long).toMatch(/^a-very-long-title-that-keeps-going-well-[a-z0-9]{12}$/);
    expect(isSlug(long)).toBe(true);
  });

  it("fall back to a word when the title has none, and are always valid slugs", () => {
    expect(newRoadmapSlug("日本語 !!!", repeating(0.5))).toBe("roadmap-iiiiiiiiiiii");
    for (const title of ["", "-", "x".repeat(500), "Ω≈ç√", "a--b"]) expect(isSlug(newRoadmapSlug(title))).toBe(true);
    expect(slugOfTitle("supercalifragilistic", 5)).toBe("super");
  });

  it("differ between two roadmaps of the same title", () => {
    expect(newRoadmapSlug("Data")).not.toBe(newRoadmapSlug("Data"));
  });
});

describe("slugs of new stages and milestones", () => {
  it("are the title's and a short random part, never one already in the draft", () => {
    const random = repeating(0, 0, 0, 0, 0.99, 0.99, 0.99, 0.99);
    expect(newItemSlug("Basics", new Set(["basics-0000"]), random)).toBe("basics-zzzz");
    expect(newItemSlug("", new Set())).toMatch(/^item-[a-z0-9]{4}$/);
  });

  it("give up rather than loop when the random source repeats what is taken", () => {
    expect(() => newItemSlug("Basics", new Set(["basics-0000"]), repeating(0))).toThrow(/repeats/);
  });
});
