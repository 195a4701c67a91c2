import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { countQueries } from "@/db/query-count";
import { enrollments, learnerProgressSummaries, roadmaps } from "@/db/schema";
import { getDashboardForViewer } from "@/lib/data/dashboard";
import { exportLearnerData } from "@/lib/data/export";
import { followRoadmapForViewer, unfollowRoadmapForViewer } from "@/lib/data/following";
import { importLearnerData } from "@/lib/data/import";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import { saveMilestoneNote } from "@/lib/data/notes";
import { getCatalogueForViewer, listBuiltInRoadmaps } from "@/lib/data/roadmap-catalogue";
import type { Viewer } from "@/lib/data/viewer";
import {
  authoredContent,
  backendMilestones,
  createAuthoredRoadmap,
  createLearner,
  eventsOf,
  statusesOf,
  viewRoadmap,
} from "./helpers";

const slugsOf = async (viewer: Viewer | null, search?: string) =>
  (await getCatalogueForViewer({ viewer, search })).entries.map((entry) => entry.slug);

/** A word no other test's roadmap has, so a search finds only this test's roadmaps. */
const uniqueWord = () => `zq${randomUUID().slice(0, 8)}`;

async function authoredWorld() {
  const author = await createLearner("Ada Author");
  const viewer = await createLearner("Vic Viewer");
  const make = (visibility: "private" | "unlisted" | "public", publish: boolean, owner = author) =>
    createAuthoredRoadmap({ owner, visibility, publish });
  return {
    author,
    viewer,
    publicOne: await make("public", true),
    publicDraft: await make("public", false),
    unlisted: await make("unlisted", true),
    privateOne: await make("private", true),
    ownDraft: await make("private", false, viewer),
    followedPrivate: await make("public", true),
  };
}

describe("the roadmap catalogue", () => {
  it("lists built-in and public published roadmaps to someone signed out, and nothing else", async () => {
    const w = await authoredWorld();
    const listed = await slugsOf(null);
    expect(listed).toContain("backend-developer");
    expect(listed).toContain(w.publicOne.slug);
    for (const hidden of [w.publicDraft, w.unlisted, w.privateOne, w.ownDraft])
      expect(listed).not.toContain(hidden.slug);
  });

  it("lists to a signed-in viewer their own drafts and what they follow, never someone else's unlisted or private roadmap", async () => {
    const w = await authoredWorld();
    await followRoadmapForViewer({ viewer: w.viewer, roadmapSlug: w.followedPrivate.slug });
    // The author makes it private after the viewer followed: followers keep it.
    await getDb().update(roadmaps).set({ visibility: "private" }).where(eq(roadmaps.id, w.followedPrivate.id));

    const listed = await slugsOf(w.viewer);
    expect(listed).toEqual(expect.arrayContaining(["backend-developer", w.publicOne.slug, w.ownDraft.slug]));
    expect(listed).toContain(w.followedPrivate.slug);
    for (const hidden of [w.publicDraft, w.unlisted, w.privateOne]) expect(listed).not.toContain(hidden.slug);
  });

  it("says for each entry who made it, how big it is, and what the viewer needs to know", async () => {
    const w = await authoredWorld();
    await followRoadmapForViewer({ viewer: w.viewer, roadmapSlug: "backend-developer" });
    const { entries } = await getCatalogueForViewer({ viewer: w.viewer });
    const bySlug = new Map(entries.map((entry) => [entry.slug, entry]));
    const backend = (await viewRoadmap({ viewer: null, slug: "backend-developer" })).roadmap;

    expect(bySlug.get("backend-developer")).toMatchObject({
      builtIn: true,
      authorName: null,
      following: true,
      own: null,
      stageCount: backend.stages.length,
      milestoneCount: backend.stages.flatMap((stage) => stage.milestones).length,
    });
    expect(bySlug.get(w.publicOne.slug)).toMatchObject({
      builtIn: false,
      authorName: "Ada Author",
      following: false,
      own: null,
      stageCount: 2,
      milestoneCount: 3,
    });
    // A draft never published is counted from the draft.
    expect(bySlug.get(w.ownDraft.slug)).toMatchObject({
      authorName: "Vic Viewer",
      own: { visibility: "private", published: false },
      stageCount: 2,
      milestoneCount: 3,
    });
    // Built-in roadmaps come first.
    expect(entries[0]!.builtIn).toBe(true);
  });

  it("searches titles and summaries in any case, taking % and _ literally", async () => {
    const author = await createLearner("Sally Search");
    const word = uniqueWord();
    const inTitle = await createAuthoredRoadmap({
      owner: author,
      visibility: "public",
      publish: true,
      content: authoredContent(`in-title-${word}`, { title: `Rust for ${word.toUpperCase()} people` }),
    });
    const inSummary = await createAuthoredRoadmap({
      owner: author,
      visibility: "public",
      publish: true,
      content: authoredContent(`in-summary-${word}`, {
        title: "Something else",
        summary: `All about ${word} and more`,
      }),
    });
    const percent = await createAuthoredRoadmap({
      owner: author,
      visibility: "public",
      publish: true,
      content: authoredContent(`percent-${word}`, { title: `100% ${word}` }),
    });

    expect((await slugsOf(null, word)).sort()).toEqual([inTitle.slug, inSummary.slug, percent.slug].sort());
    expect(await slugsOf(null, `0% ${word}`)).toEqual([percent.slug]);
    expect(await slugsOf(null, `%${word}`)).toEqual([]);
    expect(await slugsOf(null, `${word}_`)).toEqual([]);
    expect(await slugsOf(null, "BACKEND developer")).toContain("backend-developer");
    expect(await slugsOf(null, `nothing-like-this-${word}`)).toEqual([]);
  });

  it("is one SQL statement, signed in or out, with or without a search", async () => {
    const w = await authoredWorld();
    await followRoadmapForViewer({ viewer: w.viewer, roadmapSlug: w.publicOne.slug });
    for (const viewer of [null, w.viewer]) {
      for (const search of ["", "backend"]) {
        const { queries } = await countQueries(() => getCatalogueForViewer({ viewer, search }));
        expect(queries, `${viewer ? "signed in" : "signed out"}, search "${search}"`).toBe(1);
      }
    }
  });

  it("offers the home page the built-in roadmaps only", async () => {
    const w = await authoredWorld();
    const builtIn = (await listBuiltInRoadmaps()).map((roadmap) => roadmap.slug);
    expect(builtIn).toContain("backend-developer");
    expect(builtIn).not.toContain(w.publicOne.slug);
  });
});

describe("following a roadmap", () => {
  const enrollmentOf = async (viewer: Viewer, roadmapId: string) =>
    (
      await getDb()
        .select()
        .from(enrollments)
        .where(and(eq(enrollments.userId, viewer.id), eq(enrollments.roadmapId, roadmapId)))
    )[0];
  const summaryOf = async (viewer: Viewer, roadmapId: string) =>
    (
      await getDb()
        .select()
        .from(learnerProgressSummaries)
        .where(and(eq(learnerProgressSummaries.userId, viewer.id), eq(learnerProgressSummaries.roadmapId, roadmapId)))
    )[0];

  it("puts the roadmap on the dashboard with its summary, and following twice changes nothing", async () => {
    const learner = await createLearner();
    await followRoadmapForViewer({ viewer: learner, roadmapSlug: "backend-developer" });
    await followRoadmapForViewer({ viewer: learner, roadmapSlug: "backend-developer" });
    const dashboard = await getDashboardForViewer({ viewer: learner });
    expect(dashboard.map((roadmap) => roadmap.slug)).toEqual(["backend-developer"]);
    expect(dashboard[0]!.overall.done).toBe(0);
    const { roadmap } = await viewRoadmap({ viewer: null, slug: "backend-developer" });
    expect(await summaryOf(learner, roadmap.id)).toMatchObject({ done: 0, total: dashboard[0]!.overall.total });
  });

  it("stops following while keeping every progress row, event and note, which come back on following again", async () => {
    const learner = await createLearner();
    const [first, second] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    await setMilestoneStatus({ viewer: learner, milestoneId: second!.id, status: "in_progress" });
    await saveMilestoneNote({ viewer: learner, milestoneId: first!.id, body: "Kept", baseVersion: 0 });
    const roadmapId = (await viewRoadmap({ viewer: null, slug: "backend-developer" })).roadmap.id;
    const events = await eventsOf(learner);
    const statuses = await statusesOf({ viewer: learner, roadmapSlug: "backend-developer" });

    await unfollowRoadmapForViewer({ viewer: learner, roadmapSlug: "backend-developer" });
    expect(await enrollmentOf(learner, roadmapId)).toBeUndefined();
    expect(await summaryOf(learner, roadmapId)).toBeUndefined();
    expect(await getDashboardForViewer({ viewer: learner })).toEqual([]);
    expect(await eventsOf(learner)).toEqual(events);
    expect(await statusesOf({ viewer: learner, roadmapSlug: "backend-developer" })).toEqual(statuses);

    await followRoadmapForViewer({ viewer: learner, roadmapSlug: "backend-developer" });
    const [again] = await getDashboardForViewer({ viewer: learner });
    expect(again!.overall).toMatchObject({ done: 1, inProgress: 1 });
    expect(await summaryOf(learner, roadmapId)).toMatchObject({ done: 1, inProgress: 1 });
    // Pace counts from the first change, not from following again.
    expect((await enrollmentOf(learner, roadmapId))!.startedAt).toEqual(events[0]!.createdAt);
    const { state } = await viewRoadmap({ viewer: learner, slug: "backend-developer" });
    expect(state!.notebook.notes[first!.id]?.body).toBe("Kept");
  });

  it("still follows implicitly on a first status change", async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "in_progress" });
    expect((await getDashboardForViewer({ viewer: learner })).map((roadmap) => roadmap.slug)).toEqual([
      "backend-developer",
    ]);
  });

  it("follows several roadmaps at once, each card with its own pace, an untimed stage included", async () => {
    const author = await createLearner("Ada Author");
    const learner = await createLearner();
    const authored = await createAuthoredRoadmap({ owner: author, visibility: "public", publish: true });
    await followRoadmapForViewer({ viewer: learner, roadmapSlug: "backend-developer" });
    await followRoadmapForViewer({ viewer: learner, roadmapSlug: authored.slug });
    const dashboard = await getDashboardForViewer({ viewer: learner });
    expect(dashboard.map((roadmap) => roadmap.slug).sort()).toEqual([authored.slug, "backend-developer"].sort());
    const mine = dashboard.find((roadmap) => roadmap.slug === authored.slug)!;
    expect(mine.pace.stages).toHaveLength(2);
    expect(mine.stages[1]).toMatchObject({ startMonth: null, endMonth: null });
    expect(mine.overall.total).toBe(3);
  });

  it("refuses a roadmap the viewer may not see with the same not-found as one that doesn't exist", async () => {
    const author = await createLearner("Ada Author");
    const stranger = await createLearner("Sam Stranger");
    const hidden = await createAuthoredRoadmap({ owner: author, visibility: "private", publish: true });
    const notFound = { code: "NOT_FOUND", message: "There is no roadmap at this address." };
    await expect(followRoadmapForViewer({ viewer: stranger, roadmapSlug: hidden.slug })).rejects.toMatchObject(
      notFound,
    );
    await expect(followRoadmapForViewer({ viewer: stranger, roadmapSlug: "no-such-roadmap" })).rejects.toMatchObject(
      notFound,
    );
    await expect(unfollowRoadmapForViewer({ viewer: stranger, roadmapSlug: hidden.slug })).rejects.toMatchObject(
      notFound,
    );
  });

  it("asks an author to publish a draft before following it", async () => {
    const author = await createLearner("Ada Author");
    const draft = await createAuthoredRoadmap({ owner: author, visibility: "public", publish: false });
    await expect(followRoadmapForViewer({ viewer: author, roadmapSlug: draft.slug })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("export and import across several roadmaps", () => {
  it("exports every followed roadmap, an authored one included, and imports them back", async () => {
    const author = await createLearner("Ada Author");
    const learner = await createLearner();
    const authored = await createAuthoredRoadmap({ owner: author, visibility: "public", publish: true });
    const [backendFirst] = await backendMilestones();
    const authoredFirst = (await viewRoadmap({ viewer: learner, slug: authored.slug })).roadmap.stages[0]!
      .milestones[0]!;
    await setMilestoneStatus({ viewer: learner, milestoneId: backendFirst!.id, status: "done" });
    await setMilestoneStatus({ viewer: learner, milestoneId: authoredFirst.id, status: "in_progress" });

    const file = JSON.parse(JSON.stringify(await exportLearnerData({ viewer: learner })));
    expect(file.roadmaps.map((roadmap: { slug: string }) => roadmap.slug).sort()).toEqual(
      [authored.slug, "backend-developer"].sort(),
    );

    const fresh = await createLearner();
    const report = await importLearnerData({ viewer: fresh, data: file });
    expect(report.skipped).toEqual([]);
    expect((await statusesOf({ viewer: fresh, roadmapSlug: authored.slug }))[authoredFirst.id]).toBe("in_progress");
    expect((await getDashboardForViewer({ viewer: fresh })).map((roadmap) => roadmap.slug).sort()).toEqual(
      [authored.slug, "backend-developer"].sort(),
    );
  });

  it("skips a roadmap the importer may not see, saying so as it would for one that doesn't exist", async () => {
    const author = await createLearner("Ada Author");
    const secret = await createAuthoredRoadmap({ owner: author, visibility: "public", publish: true });
    const secretFirst = (await viewRoadmap({ viewer: author, slug: secret.slug })).roadmap.stages[0]!.milestones[0]!;
    await setMilestoneStatus({ viewer: author, milestoneId: secretFirst.id, status: "done" });
    const file = JSON.parse(JSON.stringify(await exportLearnerData({ viewer: author })));
    await getDb().update(roadmaps).set({ visibility: "private" }).where(eq(roadmaps.id, secret.id));

    const stranger = await createLearner("Sam Stranger");
    const gone = structuredClone(file);
    gone.roadmaps[0].slug = "no-such-roadmap-at-all";
    const hiddenReport = await importLearnerData({ viewer: stranger, data: file });
    const goneReport = await importLearnerData({ viewer: stranger, data: gone });

    expect(hiddenReport.skipped).toEqual([
      {
        where: expect.any(String),
        reason: `There is no roadmap “${secret.slug}” on Waymark that you can open; nothing on it was imported.`,
      },
    ]);
    expect(goneReport.skipped[0]!.reason).toBe(
      hiddenReport.skipped[0]!.reason.replace(secret.slug, "no-such-roadmap-at-all"),
    );
    expect(await enrollmentsOf(stranger)).toEqual([]);
    expect(await eventsOf(stranger)).toEqual([]);
  });
});

const enrollmentsOf = (viewer: Viewer) => getDb().select().from(enrollments).where(eq(enrollments.userId, viewer.id));
