import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { ROADMAP_LIMITS, type MilestoneContent, type RoadmapContent } from "@/db/content/content-schema";
import { milestoneProgress, milestones, roadmaps, roadmapVersions } from "@/db/schema";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import {
  copyRoadmap,
  createRoadmap,
  deleteRoadmap,
  getRoadmapEditor,
  publishRoadmap,
  ROADMAPS_PER_ACCOUNT,
  saveRoadmapDraft,
  setRoadmapVisibility,
} from "@/lib/data/roadmap-authoring";
import { findRoadmapAccess, listedRoadmapsFor } from "@/lib/data/roadmap-access";
import type { Viewer } from "@/lib/data/viewer";
import { AppError } from "@/lib/domain/errors";
import { createLearner, viewRoadmap } from "./helpers";

const milestone = (slug: string, title = `Learn ${slug}`): MilestoneContent => ({
  slug,
  title,
  description: `**${title}**, step by step.`,
  whyItMatters: "",
  skills: [],
  tools: [],
  resources: [{ title: "The docs", kind: "docs", free: true, url: "https://example.com/docs" }],
  doneWhen: [`You can explain ${slug}`],
  practice: `Build something with ${slug}.`,
});

function draftOf(slug: string, milestoneSlugs: string[][], title = "Data engineering"): RoadmapContent {
  return {
    slug,
    title,
    summary: "From SQL to pipelines.",
    salaryGuides: [],
    salaryCaveat: "",
    stages: milestoneSlugs.map((slugs, index) => ({
      slug: `stage-${index + 1}`,
      title: `Stage ${index + 1}`,
      summary: "",
      startMonth: index === 0 ? 0 : null,
      endMonth: index === 0 ? 3 : null,
      milestones: slugs.map((one) => milestone(one)),
    })),
  };
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("expected a refusal");
}

/** An author with a saved draft (revision 1), not yet published. */
async function authorWithDraft(stages: string[][] = [["sql", "python"]]) {
  const author = await createLearner("Ada Author");
  const { id, slug } = await createRoadmap({ viewer: author, title: "Data engineering" });
  const saved = await saveRoadmapDraft({
    viewer: author,
    roadmapId: id,
    baseRevision: 0,
    draft: draftOf(slug, stages),
  });
  expect(saved).toEqual({ saved: true, revision: 1 });
  return { author, id, slug };
}

const liveSlugs = async (roadmapId: string) =>
  (
    await getDb()
      .select({ slug: milestones.slug, archivedAt: milestones.archivedAt })
      .from(milestones)
      .where(eq(milestones.roadmapId, roadmapId))
  ).map((row) => `${row.slug}${row.archivedAt ? " (archived)" : ""}`);

describe("creating, saving and publishing a roadmap", () => {
  it("creates a private, unpublished roadmap with a secret address, and publishes its draft as version 1", async () => {
    const author = await createLearner("Ada Author");
    const { id, slug } = await createRoadmap({ viewer: author, title: "  Data engineering!  " });
    expect(slug).toMatch(/^data-engineering-[a-z0-9]{12}$/);
    const editor = await getRoadmapEditor({ viewer: author, slug });
    expect(editor).toMatchObject({ id, visibility: "private", draftRevision: 0, publishedVersion: 0, published: null });
    expect(editor.draft).toMatchObject({ slug, title: "Data engineering!", stages: [] });
    // Unpublished: it exists for nobody else.
    const stranger = await createLearner("Sam Stranger");
    expect(await findRoadmapAccess(stranger.id, slug)).toBeNull();

    await saveRoadmapDraft({
      viewer: author,
      roadmapId: id,
      baseRevision: 0,
      draft: draftOf(slug, [["sql", "python"]]),
    });
    expect(await publishRoadmap({ viewer: author, roadmapId: id, baseRevision: 1 })).toEqual({ version: 1 });
    await setRoadmapVisibility({ viewer: author, roadmapId: id, visibility: "public" });

    const { roadmap } = await viewRoadmap({ viewer: stranger, slug });
    expect(roadmap.title).toBe("Data engineering");
    expect(roadmap.stages.map((stage) => [stage.title, stage.startMonth, stage.endMonth])).toEqual([["Stage 1", 0, 3]]);
    expect(roadmap.stages[0]!.milestones.map((one) => one.title)).toEqual(["Learn sql", "Learn python"]);
    expect(roadmap.stages[0]!.milestones[0]).toMatchObject({
      description: "**Learn sql**, step by step.",
      doneWhen: ["You can explain sql"],
      practice: "Build something with sql.",
    });
    const [version] = await getDb().select().from(roadmapVersions).where(eq(roadmapVersions.roadmapId, id));
    expect(version).toMatchObject({ version: 1, publishedBy: author.id });
    expect((await getRoadmapEditor({ viewer: author, slug })).published?.stages).toHaveLength(1);
  });

  it("publishes a second version, keeping learners' progress on kept and moved milestones and archiving a dropped one's", async () => {
    const { author, id, slug } = await authorWithDraft([["sql", "python", "spark"]]);
    await publishRoadmap({ viewer: author, roadmapId: id, baseRevision: 1 });
    await setRoadmapVisibility({ viewer: author, roadmapId: id, visibility: "unlisted" });
    const learner = await createLearner("Lee Learner");
    const first = await viewRoadmap({ viewer: learner, slug });
    const ids = Object.fromEntries(first.roadmap.stages[0]!.milestones.map((one) => [one.slug, one.id]));
    for (const slugDone of ["sql", "python", "spark"]) {
      await setMilestoneStatus({ viewer: learner, milestoneId: ids[slugDone]!, status: "done" });
    }

    // python moves to a new second stage, spark is dropped, airflow is added.
    const next = draftOf(slug, [["sql", "airflow"], ["python"]]);
    await saveRoadmapDraft({ viewer: author, roadmapId: id, baseRevision: 1, draft: next });
    expect(await publishRoadmap({ viewer: author, roadmapId: id, baseRevision: 2 })).toEqual({ version: 2 });

    const { roadmap, statuses } = await viewRoadmap({ viewer: learner, slug });
    expect(roadmap.stages.map((stage) => stage.milestones.map((one) => one.slug))).toEqual([
      ["sql", "airflow"],
      ["python"],
    ]);
    expect(roadmap.stages[1]!.milestones[0]!.id).toBe(ids.python);
    expect(statuses[ids.sql!]).toBe("done");
    expect(statuses[ids.python!]).toBe("done");
    expect(roadmap.retired.map((one) => one.slug)).toEqual(["spark"]);
    expect(await liveSlugs(id)).toEqual(expect.arrayContaining(["sql", "python", "airflow", "spark (archived)"]));
    const [kept] = await getDb()
      .select({ status: milestoneProgress.status })
      .from(milestoneProgress)
      .where(and(eq(milestoneProgress.userId, learner.id), eq(milestoneProgress.milestoneId, ids.spark!)));
    expect(kept?.status).toBe("done");
    const versions = await getDb().select().from(roadmapVersions).where(eq(roadmapVersions.roadmapId, id));
    expect(versions.map((row) => row.version).sort()).toEqual([1, 2]);
  });

  it("refuses a save on a stale revision, handing back the other one, and saves when the author keeps theirs", async () => {
    const { author, id, slug } = await authorWithDraft();
    const otherTab = draftOf(slug, [["sql"]], "Data engineering (other tab)");
    expect(await saveRoadmapDraft({ viewer: author, roadmapId: id, baseRevision: 1, draft: otherTab })).toEqual({
      saved: true,
      revision: 2,
    });
    const mine = draftOf(slug, [["sql", "python", "dbt"]]);
    const stale = await saveRoadmapDraft({ viewer: author, roadmapId: id, baseRevision: 1, draft: mine });
    expect(stale).toMatchObject({ saved: false, revision: 2, draft: { title: "Data engineering (other tab)" } });
    expect((await getRoadmapEditor({ viewer: author, slug })).draft.title).toBe("Data engineering (other tab)");
    expect(await saveRoadmapDraft({ viewer: author, roadmapId: id, baseRevision: 2, draft: mine })).toEqual({
      saved: true,
      revision: 3,
    });
    // Publishing what the author has not seen is refused as well.
    expect(await refusal(publishRoadmap({ viewer: author, roadmapId: id, baseRevision: 2 }))).toMatchObject({
      code: "CONFLICT",
    });
  });

  it("names what keeps a draft from being published, at its field", async () => {
    const { author, id, slug } = await authorWithDraft([["sql"], []]);
    expect(await refusal(publishRoadmap({ viewer: author, roadmapId: id, baseRevision: 1 }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { "stages.1.milestones": ["Add a milestone to “Stage 2” before publishing."] },
    });
    expect((await getRoadmapEditor({ viewer: author, slug })).publishedVersion).toBe(0);
  });
});

describe("limits", () => {
  it(`refuses a ${ROADMAPS_PER_ACCOUNT + 1}st roadmap on one account, saying why`, async () => {
    const author = await createLearner("Prolific Author");
    await Promise.all(
      Array.from({ length: ROADMAPS_PER_ACCOUNT }, (_, index) =>
        createRoadmap({ viewer: author, title: `Roadmap ${index}` }),
      ),
    );
    expect(await refusal(createRoadmap({ viewer: author, title: "One more" }))).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`${ROADMAPS_PER_ACCOUNT} roadmaps`),
    });
    const owned = await getDb().select({ id: roadmaps.id }).from(roadmaps).where(eq(roadmaps.ownerId, author.id));
    expect(owned).toHaveLength(ROADMAPS_PER_ACCOUNT);
  });

  it("refuses a draft over the stage or milestone limit, or with a bad field, naming its path", async () => {
    const { author, id, slug } = await authorWithDraft();
    const tooManyStages = draftOf(
      slug,
      Array.from({ length: ROADMAP_LIMITS.stages + 1 }, (_, index) => [`m-${index}`]),
    );
    expect(
      await refusal(saveRoadmapDraft({ viewer: author, roadmapId: id, baseRevision: 1, draft: tooManyStages })),
    ).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { stages: [expect.stringContaining("20")] } });

    const tooManyMilestones = draftOf(
      slug,
      Array.from({ length: 16 }, (_, stage) => Array.from({ length: 19 }, (_, index) => `m-${stage}-${index}`)),
    );
    expect(
      await refusal(saveRoadmapDraft({ viewer: author, roadmapId: id, baseRevision: 1, draft: tooManyMilestones })),
    ).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { stages: [expect.stringContaining("300 milestones")] } });

    const badFields = draftOf(slug, [["sql"]]);
    badFields.stages[0]!.milestones[0]!.title = " ";
    badFields.stages[0]!.milestones[0]!.resources[0]!.url = "http://example.com";
    badFields.stages[0]!.milestones[0]!.doneWhen = ["a", "b", "c", "d", "e", "f"];
    const refused = await refusal(
      saveRoadmapDraft({ viewer: author, roadmapId: id, baseRevision: 1, draft: badFields }),
    );
    expect(Object.keys(refused.fieldErrors ?? {}).sort()).toEqual([
      "stages.0.milestones.0.doneWhen",
      "stages.0.milestones.0.resources.0.url",
      "stages.0.milestones.0.title",
    ]);

    const backwards = draftOf(slug, [["sql"]]);
    backwards.stages[0]!.endMonth = 0;
    expect(
      await refusal(saveRoadmapDraft({ viewer: author, roadmapId: id, baseRevision: 1, draft: backwards })),
    ).toMatchObject({ fieldErrors: { "stages.0.endMonth": ["the end month must come after the start month"] } });

    const nul = draftOf(slug, [["sql"]]);
    nul.stages[0]!.milestones[0]!.practice = "Build\u0000 it";
    expect(
      await refusal(saveRoadmapDraft({ viewer: author, roadmapId: id, baseRevision: 1, draft: nul })),
    ).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { "stages.0.milestones.0.practice": [expect.any(String)] } });
    // Nested far deeper than the format goes, as a hostile client could send it.
    const deep = JSON.parse(`${'{"a":'.repeat(50_000)}"x"${"}".repeat(50_000)}`) as unknown;
    const nested = draftOf(slug, [["sql"]]) as unknown as Record<string, unknown>;
    for (const draft of [deep, { ...nested, stages: [deep] }]) {
      expect(await refusal(saveRoadmapDraft({ viewer: author, roadmapId: id, baseRevision: 1, draft }))).toMatchObject({
        code: "INVALID_INPUT",
      });
    }
    expect((await getRoadmapEditor({ viewer: author, slug })).draftRevision).toBe(1);
  });
});

describe("who may do what", () => {
  /** A published public roadmap, with a learner who follows it and a stranger. */
  async function published(visibility: "private" | "unlisted" | "public") {
    const { author, id, slug } = await authorWithDraft();
    await publishRoadmap({ viewer: author, roadmapId: id, baseRevision: 1 });
    await setRoadmapVisibility({ viewer: author, roadmapId: id, visibility: "public" });
    const follower = await createLearner("Fay Follower");
    const [first] = (await viewRoadmap({ viewer: follower, slug })).roadmap.stages[0]!.milestones;
    await setMilestoneStatus({ viewer: follower, milestoneId: first!.id, status: "done" });
    await setRoadmapVisibility({ viewer: author, roadmapId: id, visibility });
    return { author, id, slug, follower, stranger: await createLearner("Sam Stranger") };
  }

  it.each(["public", "unlisted", "private"] as const)(
    "on a %s roadmap only the author reads the editor, saves, publishes or changes visibility; the rest get not-found",
    async (visibility) => {
      const { id, slug, follower, stranger } = await published(visibility);
      for (const someone of [follower, stranger] as Viewer[]) {
        const notFound = { code: "NOT_FOUND" };
        expect(await refusal(getRoadmapEditor({ viewer: someone, slug }))).toMatchObject(notFound);
        expect(
          await refusal(
            saveRoadmapDraft({ viewer: someone, roadmapId: id, baseRevision: 1, draft: draftOf(slug, [["x1"]]) }),
          ),
        ).toMatchObject(notFound);
        expect(await refusal(publishRoadmap({ viewer: someone, roadmapId: id, baseRevision: 1 }))).toMatchObject(
          notFound,
        );
        expect(
          await refusal(setRoadmapVisibility({ viewer: someone, roadmapId: id, visibility: "private" })),
        ).toMatchObject(notFound);
      }
      const [row] = await getDb().select().from(roadmaps).where(eq(roadmaps.id, id));
      expect(row).toMatchObject({ visibility, draftRevision: 1, publishedVersion: 1 });
    },
  );

  it("an unlisted roadmap opens by its address for anyone, but is listed only for its author and followers", async () => {
    const { author, id, slug, follower, stranger } = await published("unlisted");
    expect((await findRoadmapAccess(stranger.id, slug))?.role).toBe("reader");
    expect((await findRoadmapAccess(null, slug))?.role).toBe("reader");
    const listedFor = async (viewerId: string | null) =>
      (
        await getDb()
          .select({ id: roadmaps.id })
          .from(roadmaps)
          .where(and(eq(roadmaps.id, id), listedRoadmapsFor(viewerId)))
      ).length > 0;
    expect(await listedFor(null)).toBe(false);
    expect(await listedFor(stranger.id)).toBe(false);
    expect(await listedFor(follower.id)).toBe(true);
    expect(await listedFor(author.id)).toBe(true);
  });

  it("copies a roadmap the viewer can see as their own private draft; a private one stays out of a stranger's reach", async () => {
    const { slug, follower, stranger, author } = await published("private");
    expect(await refusal(copyRoadmap({ viewer: stranger, slug }))).toMatchObject({ code: "NOT_FOUND" });
    // The follower keeps reading it, so may copy it.
    const copy = await copyRoadmap({ viewer: follower, slug });
    const editor = await getRoadmapEditor({ viewer: follower, slug: copy.slug });
    expect(editor).toMatchObject({ visibility: "private", publishedVersion: 0 });
    expect(editor.draft).toMatchObject({ slug: copy.slug, title: "Copy of Data engineering" });
    expect(editor.draft.stages[0]!.milestones.map((one) => one.slug)).toEqual(["sql", "python"]);
    const [row] = await getDb().select().from(roadmaps).where(eq(roadmaps.slug, copy.slug));
    expect(row).toMatchObject({ ownerId: follower.id });
    expect(await refusal(getRoadmapEditor({ viewer: author, slug: copy.slug }))).toMatchObject({ code: "NOT_FOUND" });

    const builtIn = await copyRoadmap({ viewer: stranger, slug: "backend-developer" });
    const copied = await getRoadmapEditor({ viewer: stranger, slug: builtIn.slug });
    expect(copied.draft.title).toBe("Copy of Backend Developer");
    expect(copied.draft.stages.length).toBeGreaterThan(0);
  });
});

describe("deleting a roadmap", () => {
  it("deletes one never published, refuses a published one, and is its author's alone", async () => {
    const { author, id, slug } = await authorWithDraft();
    const stranger = await createLearner("Sam Stranger");
    expect(await refusal(deleteRoadmap({ viewer: stranger, roadmapId: id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await deleteRoadmap({ viewer: author, roadmapId: id })).toEqual({ deleted: true });
    expect(await findRoadmapAccess(author.id, slug)).toBeNull();

    const other = await authorWithDraft();
    await publishRoadmap({ viewer: other.author, roadmapId: other.id, baseRevision: 1 });
    expect(await refusal(deleteRoadmap({ viewer: other.author, roadmapId: other.id }))).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Make it private instead"),
    });
  });
});
