import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  describeChanges,
  diffIsEmpty,
  diffRoadmapContents,
  type DiffableMilestone,
  type DiffableRoadmap,
} from "@/lib/domain/roadmap-diff";

const milestone = (slug: string, changes: Partial<DiffableMilestone> = {}): DiffableMilestone => ({
  slug,
  title: `Learn ${slug}`,
  description: `About ${slug}.`,
  skills: [],
  resources: [],
  doneWhen: [],
  ...changes,
});

const base: DiffableRoadmap = {
  stages: [
    { slug: "basics", title: "Basics", milestones: [milestone("a"), milestone("b"), milestone("c")] },
    { slug: "more", title: "More", milestones: [milestone("d")] },
  ],
};

describe("diffRoadmapContents", () => {
  it("finds nothing between a roadmap and itself", () => {
    const diff = diffRoadmapContents(base, base);
    expect(diffIsEmpty(diff)).toBe(true);
    expect(describeChanges(diff)).toBe("No changes");
  });

  it("lists added, removed, moved and changed milestones with their stages", () => {
    const newer: DiffableRoadmap = {
      stages: [
        { slug: "basics", title: "Basics", milestones: [milestone("a", { title: "Learn A well" }), milestone("e")] },
        { slug: "more", title: "More and more", milestones: [milestone("d"), milestone("b"), milestone("f")] },
        { slug: "last", title: "Last", milestones: [milestone("g")] },
      ],
    };
    const diff = diffRoadmapContents(base, newer);
    expect(diff.milestones.added.map((m) => [m.slug, m.stage.slug])).toEqual([
      ["e", "basics"],
      ["f", "more"],
      ["g", "last"],
    ]);
    expect(diff.milestones.removed).toEqual([
      { slug: "c", title: "Learn c", stage: { slug: "basics", title: "Basics" } },
    ]);
    expect(diff.milestones.moved).toEqual([
      {
        slug: "b",
        title: "Learn b",
        stage: { slug: "more", title: "More and more" },
        from: { slug: "basics", title: "Basics" },
      },
    ]);
    expect(diff.milestones.changed).toEqual([
      {
        slug: "a",
        title: "Learn A well",
        stage: { slug: "basics", title: "Basics" },
        fields: ["title"],
        before: "Learn a",
      },
    ]);
    expect(diff.stages.added).toEqual([{ slug: "last", title: "Last" }]);
    expect(diff.stages.renamed).toEqual([{ slug: "more", from: "More", to: "More and more" }]);
    expect(describeChanges(diff)).toBe("3 milestones added, 1 removed, 1 moved, 1 changed");
  });

  it("does not call a change of order inside a stage a move", () => {
    const newer: DiffableRoadmap = {
      stages: [
        {
          slug: "basics",
          title: "Basics",
          milestones: [milestone("z"), milestone("c"), milestone("a"), milestone("b")],
        },
        base.stages[1]!,
      ],
    };
    const diff = diffRoadmapContents(base, newer);
    expect(diff.milestones.moved).toEqual([]);
    expect(describeChanges(diff)).toBe("1 milestone added");
  });

  it("names each changed field, treating a missing list as an empty one", () => {
    const newer: DiffableRoadmap = {
      stages: [
        {
          slug: "basics",
          title: "Basics",
          milestones: [
            milestone("a", { resources: [{ title: "Docs", kind: "docs", free: true }], doneWhen: ["It runs"] }),
            { slug: "b", title: "Learn b", description: "About b." },
            milestone("c", { practice: "Build a thing" }),
          ],
        },
        base.stages[1]!,
      ],
    };
    const diff = diffRoadmapContents(base, newer);
    expect(diff.milestones.changed.map((m) => [m.slug, m.fields])).toEqual([
      ["a", ["resources", "doneWhen"]],
      ["c", ["practice"]],
    ]);
  });

  it("ignores the order of an object's keys (jsonb keeps none)", () => {
    const older = {
      stages: [{ slug: "s", title: "S", milestones: [milestone("a", { resources: [{ a: 1, b: 2 }] })] }],
    };
    const newer = {
      stages: [{ slug: "s", title: "S", milestones: [milestone("a", { resources: [{ b: 2, a: 1 }] })] }],
    };
    expect(diffIsEmpty(diffRoadmapContents(older, newer))).toBe(true);
  });

  it("describes stage changes when no milestone changed", () => {
    const newer: DiffableRoadmap = {
      stages: [
        { ...base.stages[0]!, summary: "New summary" },
        { ...base.stages[1]!, title: "Later" },
        { slug: "empty", title: "Empty", milestones: [] },
      ],
    };
    expect(describeChanges(diffRoadmapContents(base, newer))).toBe("1 stage added, 2 changed");
  });
});

describe("describeChanges", () => {
  it("writes singular and plural counts, the noun only once", () => {
    const older: DiffableRoadmap = { stages: [{ slug: "s", title: "S", milestones: [milestone("x")] }] };
    const newer: DiffableRoadmap = { stages: [{ slug: "s", title: "S", milestones: [milestone("a")] }] };
    expect(describeChanges(diffRoadmapContents(older, newer))).toBe("1 milestone added, 1 removed");
    const many: DiffableRoadmap = {
      stages: [{ slug: "s", title: "S", milestones: [milestone("a"), milestone("b")] }],
    };
    expect(describeChanges(diffRoadmapContents(many, older))).toBe("1 milestone added, 2 removed");
    expect(describeChanges(diffRoadmapContents(older, { stages: [] }))).toBe("1 milestone removed");
  });
});

const slugs = ["a", "b", "c", "d", "e", "f"];
const stageSlugs = ["s1", "s2", "s3"];
/** Random roadmaps over a few slugs, so two of them share milestones in different stages. */
const roadmap: fc.Arbitrary<DiffableRoadmap> = fc
  .tuple(
    fc.subarray(stageSlugs, { minLength: 0 }),
    fc.subarray(slugs),
    fc.array(fc.nat(2), { minLength: slugs.length, maxLength: slugs.length }),
    fc.array(fc.constantFrom("Title", "Other title"), { minLength: slugs.length, maxLength: slugs.length }),
  )
  .map(([stages, milestones, placement, titles]) => ({
    stages: stages.map((slug, stageIndex) => ({
      slug,
      title: slug.toUpperCase(),
      milestones: milestones
        .filter((_, index) => placement[index]! % stages.length === stageIndex)
        .map((slug) => ({ slug, title: titles[slugs.indexOf(slug)]! })),
    })),
  }));

describe("diff properties", () => {
  it("diff(a, a) is empty", () => {
    fc.assert(fc.property(roadmap, (a) => diffIsEmpty(diffRoadmapContents(a, a))));
  });

  it("what diff(a, b) adds, diff(b, a) removes", () => {
    fc.assert(
      fc.property(roadmap, roadmap, (a, b) => {
        const forward = diffRoadmapContents(a, b);
        const backward = diffRoadmapContents(b, a);
        const slugsOf = (list: { slug: string }[]) => list.map((item) => item.slug).sort();
        expect(slugsOf(forward.milestones.added)).toEqual(slugsOf(backward.milestones.removed));
        expect(slugsOf(forward.milestones.removed)).toEqual(slugsOf(backward.milestones.added));
        expect(slugsOf(forward.stages.added)).toEqual(slugsOf(backward.stages.removed));
        expect(slugsOf(forward.milestones.moved)).toEqual(slugsOf(backward.milestones.moved));
      }),
    );
  });

  it("puts a milestone in at most one of added, removed, and moved-or-changed", () => {
    fc.assert(
      fc.property(roadmap, roadmap, (a, b) => {
        const { added, removed, moved, changed } = diffRoadmapContents(a, b).milestones;
        const groups = [added, removed, [...moved, ...changed]].map((list) => new Set(list.map((m) => m.slug)));
        for (const slug of slugs) expect(groups.filter((group) => group.has(slug)).length).toBeLessThanOrEqual(1);
        expect(new Set(moved.map((m) => m.slug)).size).toBe(moved.length);
      }),
    );
  });

  it("says No changes exactly when the diff is empty", () => {
    fc.assert(
      fc.property(roadmap, roadmap, (a, b) => {
        const diff = diffRoadmapContents(a, b);
        expect(describeChanges(diff) === "No changes").toBe(diffIsEmpty(diff));
      }),
    );
  });
});
