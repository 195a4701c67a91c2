import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { countQueries } from "@/db/query-count";
import type { RoadmapContent } from "@/db/content/content-schema";
import { syncRoadmapContent } from "@/db/content/sync";
import { milestoneNotes } from "@/db/schema";
import { addMilestoneEvidence } from "@/lib/data/evidence";
import { exportLearnerData } from "@/lib/data/export";
import { postMilestoneMessage } from "@/lib/data/feedback";
import { importLearnerData } from "@/lib/data/import";
import { IMPORT_SKIPS_LISTED } from "@/lib/domain/import-plan";
import { getActivityForViewer, setPaceSettings } from "@/lib/data/insight";
import { acceptInvite, createInvite } from "@/lib/data/mentorships";
import { saveMilestoneNote } from "@/lib/data/notes";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import type { Viewer } from "@/lib/data/viewer";
import type { WaymarkExport } from "@/lib/domain/export-format";
import { backendMilestones, createLearner, eventsOf } from "./helpers";

const slug = "backend-developer";
const hostileNote = `# Plan\n\n<script>alert("x")</script> **bold** [link](javascript:alert(1))\n'); drop table users; --`;

/** A learner with something of every kind on the Backend Developer roadmap. */
async function busyLearner() {
  const learner = await createLearner("Ada Export");
  const [first, second, third, fourth] = await backendMilestones();
  const set = (milestoneId: string, status: "not_started" | "in_progress" | "done" | "skipped") =>
    setMilestoneStatus({ viewer: learner, milestoneId, status });
  await set(first!.id, "in_progress");
  await set(first!.id, "done");
  await set(second!.id, "skipped");
  await set(third!.id, "in_progress");
  await set(fourth!.id, "done");
  await set(fourth!.id, "not_started");
  await saveMilestoneNote({ viewer: learner, milestoneId: first!.id, body: hostileNote, baseVersion: 0 });
  await saveMilestoneNote({ viewer: learner, milestoneId: third!.id, body: "Halfway, with a comma", baseVersion: 0 });
  await addMilestoneEvidence({ viewer: learner, milestoneId: first!.id, title: "Repo", url: "https://github.com/a/b" });
  await addMilestoneEvidence({ viewer: learner, milestoneId: first!.id, title: "Write-up", url: "https://a.test/x" });
  await addMilestoneEvidence({ viewer: learner, milestoneId: third!.id, title: "Course", url: "http://c.test/" });
  await setPaceSettings({
    viewer: learner,
    settings: {
      roadmapSlug: slug,
      plannedStart: "2026-01-05",
      targetDate: "2027-06-30",
      stageTargets: { foundation: "2026-04-30" },
      timeZone: "Europe/Berlin",
    },
  });
  return { learner, milestones: { first: first!, second: second!, third: third!, fourth: fourth! } };
}

/** A roadmap of one stage, for tests that need more than the shipped one. */
function testRoadmap(roadmapSlug: string, milestoneSlugs: string[]): RoadmapContent {
  return {
    slug: roadmapSlug,
    title: "Export test roadmap",
    summary: "Used to test export and import.",
    salaryCaveat: "Estimates only.",
    salaryGuides: [],
    stages: [
      {
        slug: "basics",
        title: "Basics",
        startMonth: 0,
        endMonth: 3,
        summary: "First steps.",
        milestones: milestoneSlugs.map((milestoneSlug) => ({
          slug: milestoneSlug,
          title: `Learn ${milestoneSlug}`,
          description: "About it.",
          whyItMatters: "Why.",
          skills: ["Thinking"],
          tools: [],
          resources: [],
          doneWhen: [],
          practice: "",
        })),
      },
    ],
  };
}

/** What import reads: the export as it travels, through JSON. */
const asFile = (data: WaymarkExport): Record<string, unknown> => JSON.parse(JSON.stringify(data));

/** An export without the parts that differ by account or by moment. */
const portable = ({ exportedAt: _at, account: _account, ...rest }: WaymarkExport) => rest;

async function exportOf(viewer: Viewer) {
  return exportLearnerData({ viewer });
}

describe("export", () => {
  it("lists every milestone of a followed roadmap, with progress, notes, evidence, history and pace", async () => {
    const { learner, milestones } = await busyLearner();
    const data = await exportOf(learner);
    expect(data).toMatchObject({
      format: "waymark-export",
      version: 1,
      account: { name: "Ada Export", email: learner.email, timeZone: "Europe/Berlin" },
      feedback: [],
    });
    expect(data.roadmaps).toHaveLength(1);
    const [roadmap] = data.roadmaps;
    expect(roadmap).toMatchObject({
      slug,
      plannedStart: "2026-01-05",
      targetDate: "2027-06-30",
      stageTargets: [{ stage: "foundation", targetDate: "2026-04-30" }],
    });
    expect(roadmap!.milestones.map((m) => m.slug)).toEqual((await backendMilestones()).map((m) => m.slug));
    const bySlug = new Map(roadmap!.milestones.map((m) => [m.slug, m]));
    expect(bySlug.get(milestones.first.slug)).toMatchObject({
      status: "done",
      archived: false,
      note: { body: hostileNote },
      evidence: [
        { title: "Repo", url: "https://github.com/a/b" },
        { title: "Write-up", url: "https://a.test/x" },
      ],
    });
    expect(bySlug.get(milestones.first.slug)!.completedAt).toEqual(expect.any(String));
    expect(bySlug.get(milestones.second.slug)).toMatchObject({ status: "skipped", completedAt: null });
    expect(bySlug.get(milestones.fourth.slug)).toMatchObject({ status: "not_started", startedAt: null });
    expect(roadmap!.history.map((event) => [event.milestone, event.from, event.to])).toEqual([
      [milestones.first.slug, "not_started", "in_progress"],
      [milestones.first.slug, "in_progress", "done"],
      [milestones.second.slug, "not_started", "skipped"],
      [milestones.third.slug, "not_started", "in_progress"],
      [milestones.fourth.slug, "not_started", "done"],
      [milestones.fourth.slug, "done", "not_started"],
    ]);
    expect(roadmap!.history.some((event) => "byMentor" in event)).toBe(false);
  });

  it("is empty for a learner with nothing yet", async () => {
    const learner = await createLearner();
    expect(await exportOf(learner)).toMatchObject({ roadmaps: [], feedback: [] });
  });

  it("includes feedback threads, which import reports and leaves alone", async () => {
    const mentor = await createLearner("Maya Mentor");
    const learner = await createLearner();
    const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
    await acceptInvite({ viewer: learner, token: invite.token });
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    await postMilestoneMessage({ viewer: mentor, learnerId: learner.id, milestoneId: first!.id, body: "Nice work" });
    await postMilestoneMessage({
      viewer: learner,
      learnerId: learner.id,
      milestoneId: first!.id,
      mentorId: mentor.id,
      body: "Thanks!",
    });
    const data = await exportOf(learner);
    expect(data.feedback).toEqual([
      { roadmap: slug, milestone: first!.slug, author: "mentor", body: "Nice work", at: expect.any(String) },
      { roadmap: slug, milestone: first!.slug, author: "you", body: "Thanks!", at: expect.any(String) },
    ]);

    const other = await createLearner();
    const report = await importLearnerData({ viewer: other, data: asFile(data) });
    expect(report.skipped).toEqual([{ where: "feedback", reason: expect.stringContaining("2 feedback messages") }]);
    expect((await exportOf(other)).feedback).toEqual([]);
  });
});

describe("import", () => {
  it("round-trips: another learner's import exports the same data", async () => {
    const { learner } = await busyLearner();
    const original = await exportOf(learner);
    const fresh = await createLearner();

    const report = await importLearnerData({ viewer: fresh, data: asFile(original) });
    expect(report).toEqual({
      imported: {
        roadmaps: 1,
        milestones: original.roadmaps[0]!.milestones.length,
        notes: 2,
        evidence: 3,
        events: 6,
      },
      skipped: [],
      skippedMore: 0,
    });
    const copy = await exportOf(fresh);
    expect(portable(copy)).toEqual(portable(original));
    expect(copy.account.email).toBe(fresh.email);
  });

  it("is idempotent, and moves each note past the version other tabs hold", async () => {
    const { learner, milestones } = await busyLearner();
    const original = await exportOf(learner);
    const fresh = await createLearner();
    await importLearnerData({ viewer: fresh, data: asFile(original) });
    const eventsAfterOne = await eventsOf(fresh);

    await importLearnerData({ viewer: fresh, data: asFile(original) });
    expect(portable(await exportOf(fresh))).toEqual(portable(original));
    expect((await eventsOf(fresh)).map(({ id: _id, ...event }) => event)).toEqual(
      eventsAfterOne.map(({ id: _id, ...event }) => event),
    );
    const [note] = await getDb()
      .select({ version: milestoneNotes.version })
      .from(milestoneNotes)
      .where(and(eq(milestoneNotes.userId, fresh.id), eq(milestoneNotes.milestoneId, milestones.first.id)));
    expect(note!.version).toBe(2);
  });

  it("replaces the learner's previous progress, notes and evidence on that roadmap", async () => {
    const { learner, milestones } = await busyLearner();
    const original = await exportOf(learner);
    const other = await createLearner();
    const [, , , , fifth] = await backendMilestones();
    await setMilestoneStatus({ viewer: other, milestoneId: fifth!.id, status: "done" });
    await setMilestoneStatus({ viewer: other, milestoneId: milestones.first.id, status: "skipped" });
    await saveMilestoneNote({ viewer: other, milestoneId: fifth!.id, body: "Mine", baseVersion: 0 });
    await addMilestoneEvidence({ viewer: other, milestoneId: fifth!.id, title: "Old", url: "https://old.test" });

    await importLearnerData({ viewer: other, data: asFile(original) });
    const copy = await exportOf(other);
    expect(portable(copy)).toEqual(portable(original));
    expect(copy.roadmaps[0]!.milestones.find((m) => m.slug === fifth!.slug)).toMatchObject({
      status: "not_started",
      note: null,
      evidence: [],
    });
    expect((await eventsOf(other)).some((event) => event.milestoneId === fifth!.id)).toBe(false);
  });

  it("never touches another learner's rows", async () => {
    const { learner } = await busyLearner();
    const before = await exportOf(learner);
    const other = await createLearner();
    const changed = asFile(before);
    const roadmap = (changed.roadmaps as { milestones: { status: string; note: unknown }[] }[])[0]!;
    for (const milestone of roadmap.milestones) {
      milestone.status = "skipped";
      milestone.note = { body: "Overwritten?", updatedAt: "2026-02-01T00:00:00.000Z" };
    }
    await importLearnerData({ viewer: other, data: changed });
    expect(portable(await exportOf(learner))).toEqual(portable(before));
    expect((await eventsOf(learner)).length).toBe(6);
  });

  it("skips invalid entries with a reason each and imports the rest", async () => {
    const { learner, milestones } = await busyLearner();
    const file = asFile(await exportOf(learner));
    type Entry = Record<string, unknown>;
    const roadmap = (file.roadmaps as Entry[])[0]!;
    const list = roadmap.milestones as Entry[];
    const at = (slugOf: string) => list.findIndex((m) => m.slug === slugOf);
    list[at(milestones.second.slug)]!.status = "finished";
    list[at(milestones.third.slug)]!.note = { body: "x".repeat(20_001), updatedAt: "2026-02-01T00:00:00.000Z" };
    const evidence = list[at(milestones.first.slug)]!.evidence as Entry[];
    evidence.push({ title: "Bad", url: "javascript:alert(1)", addedAt: "2026-02-01T00:00:00.000Z" });
    for (let n = 0; evidence.length < 22; n += 1) {
      evidence.push({ title: `Link ${n}`, url: `https://links.test/${n}`, addedAt: "2026-02-01T00:00:00.000Z" });
    }
    list.push({ ...list[0], slug: "learn-cobol" });
    (roadmap.history as Entry[]).push({
      milestone: "learn-cobol",
      from: "not_started",
      to: "done",
      at: "2026-02-01T00:00:00.000Z",
    });
    (roadmap.history as Entry[]).push({ milestone: milestones.first.slug, from: "done", to: "done", at: "yesterday" });
    roadmap.plannedStart = "2026-02-30";
    (file.roadmaps as Entry[]).push({ slug: "frontend-wizardry", stageTargets: [], milestones: [], history: [] });
    (file.roadmaps as unknown[]).push("not a roadmap");
    const index = list.length - 1;

    const other = await createLearner();
    const report = await importLearnerData({ viewer: other, data: file });
    expect(report.skipped).toEqual([
      { where: "roadmaps[0].plannedStart", reason: expect.stringContaining("2026-02-30") },
      {
        where: `roadmaps[0].milestones[${at(milestones.first.slug)}].evidence[2]`,
        reason: "“url”: Use a web address starting with http:// or https://.",
      },
      {
        where: `roadmaps[0].milestones[${at(milestones.first.slug)}].evidence[21]`,
        reason: expect.stringContaining("up to 20 evidence links"),
      },
      { where: `roadmaps[0].milestones[${at(milestones.second.slug)}]`, reason: expect.stringContaining("finished") },
      {
        where: `roadmaps[0].milestones[${at(milestones.third.slug)}].note`,
        reason: "This note is 20,001 characters; notes can be up to 20,000.",
      },
      { where: `roadmaps[0].milestones[${index}]`, reason: expect.stringContaining("no longer on the roadmap") },
      { where: "roadmaps[0].history[2]", reason: expect.stringContaining("wasn't imported") },
      { where: "roadmaps[0].history[6]", reason: expect.stringContaining("no longer on the roadmap") },
      { where: "roadmaps[0].history[7]", reason: expect.stringContaining("isn't a date and time") },
      { where: "roadmaps[1]", reason: expect.stringContaining("frontend-wizardry") },
      { where: "roadmaps[2]", reason: "This entry isn't a roadmap." },
    ]);
    expect(report.imported).toMatchObject({ roadmaps: 1, notes: 1, evidence: 21, events: 5 });
    const copy = (await exportOf(other)).roadmaps[0]!;
    expect(copy.plannedStart).toBeNull();
    const bySlug = new Map(copy.milestones.map((m) => [m.slug, m]));
    expect(bySlug.get(milestones.first.slug)).toMatchObject({ status: "done", note: { body: hostileNote } });
    // Links added at the same instant keep the file's order, and their time reads back unchanged.
    const [repo, writeUp, , ...added] = evidence.slice(0, 21);
    expect(bySlug.get(milestones.first.slug)!.evidence).toEqual([...added, repo, writeUp]);
    expect(bySlug.get(milestones.second.slug)).toMatchObject({ status: "not_started" });
    expect(bySlug.get(milestones.third.slug)).toMatchObject({ status: "in_progress", note: null });
    expect(copy.history.some((event) => event.milestone === milestones.second.slug)).toBe(false);
  });

  it("refuses a file of another version or kind and changes nothing", async () => {
    const { learner } = await busyLearner();
    const original = await exportOf(learner);
    const other = await createLearner();
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: other, milestoneId: first!.id, status: "in_progress" });
    const before = await exportOf(other);

    await expect(importLearnerData({ viewer: other, data: { ...asFile(original), version: 2 } })).rejects.toMatchObject(
      { code: "INVALID_INPUT", message: expect.stringContaining("version 2") },
    );
    await expect(importLearnerData({ viewer: other, data: { hello: "world" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("isn't a Waymark export"),
    });
    await expect(
      importLearnerData({ viewer: other, data: { format: "waymark-export", version: 1, roadmaps: {} } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(portable(await exportOf(other))).toEqual(portable(before));
  });

  it("adds the missing change when a hand-edited status disagrees with its history", async () => {
    const { learner, milestones } = await busyLearner();
    const file = asFile(await exportOf(learner));
    const roadmap = (file.roadmaps as { milestones: { slug: string; status: string }[] }[])[0]!;
    roadmap.milestones.find((m) => m.slug === milestones.third.slug)!.status = "done";
    roadmap.milestones.find((m) => m.slug === milestones.fourth.slug)!.status = "skipped";
    const other = await createLearner();

    const report = await importLearnerData({ viewer: other, data: file });
    expect(report.skipped).toEqual([]);
    const events = await eventsOf(other);
    expect(events).toHaveLength(8);
    expect(
      events.slice(-2).map((event) => [event.milestoneId, event.fromStatus, event.toStatus, event.actorId]),
    ).toEqual([
      [milestones.third.id, "in_progress", "done", other.id],
      [milestones.fourth.id, "not_started", "skipped", other.id],
    ]);
    const copy = (await exportOf(other)).roadmaps[0]!;
    for (const milestone of copy.milestones) {
      const last = copy.history.findLast((event) => event.milestone === milestone.slug);
      expect(last?.to ?? "not_started").toBe(milestone.status);
    }
  });

  it("matches retired milestones by slug and keeps changes made by someone else marked", async () => {
    const roadmapSlug = `export-test-${crypto.randomUUID().slice(0, 8)}`;
    const content = (milestoneSlugs: string[]) => testRoadmap(roadmapSlug, milestoneSlugs);
    await syncRoadmapContent(getDb(), content(["alpha", "beta"]));
    const learner = await createLearner();
    const { roadmaps } = await exportOf(learner);
    expect(roadmaps).toEqual([]);
    const synced = await getDb().query.roadmaps.findFirst({
      where: (roadmap, { eq: equals }) => equals(roadmap.slug, roadmapSlug),
      with: { milestones: true },
    });
    const alphaId = synced!.milestones.find((m) => m.slug === "alpha")!.id;
    await setMilestoneStatus({ viewer: learner, milestoneId: alphaId, status: "done" });
    await syncRoadmapContent(getDb(), content(["beta"]));

    const data = await exportOf(learner);
    expect(data.roadmaps[0]!.milestones.map((m) => [m.slug, m.archived, m.status])).toEqual([
      ["alpha", true, "done"],
      ["beta", false, "not_started"],
    ]);
    const file = asFile(data);
    const history = (file.roadmaps as { history: Record<string, unknown>[] }[])[0]!.history;
    history[0]!.byMentor = true;

    const other = await createLearner();
    expect((await importLearnerData({ viewer: other, data: file })).skipped).toEqual([]);
    const copy = await exportOf(other);
    expect(copy.roadmaps[0]!.milestones.map((m) => [m.slug, m.archived, m.status])).toEqual([
      ["alpha", true, "done"],
      ["beta", false, "not_started"],
    ]);
    expect(copy.roadmaps[0]!.history).toEqual([
      { milestone: "alpha", from: "not_started", to: "done", at: expect.any(String), byMentor: true },
    ]);
  });
  it("looks the file's roadmaps up in one query, however many entries name one", async () => {
    const { learner } = await busyLearner();
    const file = asFile(await exportOf(learner));
    const [entry] = file.roadmaps as unknown[];
    const unknown = Array.from({ length: 15 }, (_, n) => ({
      slug: `no-such-roadmap-${n}`,
      stageTargets: [],
      milestones: [],
      history: [],
    }));
    const padded = { ...file, roadmaps: [entry, ...unknown, entry, entry, entry, entry] };
    const [one, other] = [await createLearner(), await createLearner()];

    const plain = await countQueries(() => importLearnerData({ viewer: one, data: file }));
    const busy = await countQueries(() => importLearnerData({ viewer: other, data: padded }));
    expect(busy.queries).toBe(plain.queries);
    expect(busy.result.imported).toEqual(plain.result.imported);
    expect(busy.result.skipped).toHaveLength(19);
  });

  it("refuses a file with more roadmaps or longer lists than it reads, and changes nothing", async () => {
    const { learner } = await busyLearner();
    const file = asFile(await exportOf(learner));
    const roadmap = (file.roadmaps as Record<string, unknown>[])[0]!;
    const [milestone] = roadmap.milestones as Record<string, unknown>[];
    const other = await createLearner();
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: other, milestoneId: first!.id, status: "in_progress" });
    const before = await exportOf(other);
    const many = (length: number) => Array.from({ length }, () => ({}));

    const refused: [unknown[], string][] = [
      [Array.from({ length: 21 }, () => roadmap), "21 roadmaps; Waymark imports up to 20"],
      [[{ ...roadmap, milestones: many(501) }], "roadmaps[0] lists 501 milestones"],
      [[{ ...roadmap, stageTargets: many(101) }], "roadmaps[0] lists 101 stage targets"],
      [[{ ...roadmap, history: many(50_001) }], "roadmaps[0] lists 50,001 history entries"],
      [[{ ...roadmap, milestones: [{ ...milestone, evidence: many(101) }] }], "milestones[0] lists 101 evidence"],
    ];
    for (const [roadmaps, message] of refused) {
      await expect(importLearnerData({ viewer: other, data: { ...file, roadmaps } })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        message: expect.stringContaining(message),
      });
    }
    expect(portable(await exportOf(other))).toEqual(portable(before));
  });

  it.each([5_000, 100_000])(
    "refuses a file whose note body is nested %i deep with a message naming where, and changes nothing",
    async (depth) => {
      const { learner } = await busyLearner();
      const text = JSON.stringify(asFile(await exportOf(learner))).replace(
        JSON.stringify(hostileNote),
        `${'{"a":'.repeat(depth)}"x"${"}".repeat(depth)}`,
      );
      const before = await exportOf(learner);

      await expect(importLearnerData({ viewer: learner, data: JSON.parse(text) })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        message: expect.stringMatching(
          /^roadmaps\[0\]\.milestones\[\d+\]\.note\.body\.a\.a… is nested more than 32 levels/,
        ),
      });
      expect(portable(await exportOf(learner))).toEqual(portable(before));
    },
  );

  it("lists the first skipped entries and counts the rest", async () => {
    const { learner } = await busyLearner();
    const file = asFile(await exportOf(learner));
    const history = (file.roadmaps as { history: unknown[] }[])[0]!.history;
    const kept = history.length;
    for (let n = 0; n < 150; n += 1) {
      history.push({ milestone: "learn-cobol", from: "not_started", to: "done", at: "2026-02-01T00:00:00.000Z" });
    }
    const report = await importLearnerData({ viewer: await createLearner(), data: file });
    expect(report.skipped).toHaveLength(IMPORT_SKIPS_LISTED);
    expect(report.skipped[0]!.where).toBe(`roadmaps[0].history[${kept}]`);
    expect(report.skipped.at(-1)!.where).toBe(`roadmaps[0].history[${kept + IMPORT_SKIPS_LISTED - 1}]`);
    expect(report.skippedMore).toBe(150 - IMPORT_SKIPS_LISTED);
    expect(report.imported.events).toBe(kept);
  });

  it("skips a roadmap whose milestones or history are missing, leaving it as it was", async () => {
    const { learner } = await busyLearner();
    const original = await exportOf(learner);
    const other = await createLearner();
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: other, milestoneId: first!.id, status: "done" });
    await saveMilestoneNote({ viewer: other, milestoneId: first!.id, body: "Mine", baseVersion: 0 });
    const before = await exportOf(other);

    for (const key of ["milestones", "history", "stageTargets"]) {
      const file = asFile(original);
      delete (file.roadmaps as Record<string, unknown>[])[0]![key];
      const report = await importLearnerData({ viewer: other, data: file });
      expect(report.skipped).toEqual([
        { where: "roadmaps[0]", reason: `“${key}” is missing. Nothing on this roadmap was imported.` },
      ]);
      expect(report.imported.roadmaps).toBe(0);
    }
    expect(portable(await exportOf(other))).toEqual(portable(before));
  });

  it("reads history by time, whatever its order in the file", async () => {
    const { learner } = await busyLearner();
    const file = asFile(await exportOf(learner));
    const roadmap = (file.roadmaps as { startedAt: string | null; history: { at: string }[] }[])[0]!;
    roadmap.startedAt = null;
    roadmap.history.forEach((event, day) => {
      event.at = new Date(Date.UTC(2026, 0, 10 + day)).toISOString();
    });
    const inTimeOrder = structuredClone(roadmap.history);
    roadmap.history.reverse();
    const other = await createLearner();

    const report = await importLearnerData({ viewer: other, data: file });
    expect(report.skipped).toEqual([]);
    // Each status is its last change by time: nothing had to be added to reconcile them.
    expect(await eventsOf(other)).toHaveLength(inTimeOrder.length);
    const copy = (await exportOf(other)).roadmaps[0]!;
    expect(copy.history).toEqual(inTimeOrder);
    expect(copy.startedAt).toBe(inTimeOrder[0]!.at);
  });

  it("refuses times more than a day ahead, and puts a reconciling change after everything in the file", async () => {
    const { learner, milestones } = await busyLearner();
    const now = new Date();
    const hoursAhead = (hours: number) => new Date(now.getTime() + hours * 60 * 60 * 1000).toISOString();
    const file = asFile(await exportOf(learner));
    type Entry = Record<string, unknown>;
    const roadmap = (file.roadmaps as Entry[])[0]!;
    const list = roadmap.milestones as Entry[];
    const at = (slugOf: string) => list.findIndex((m) => m.slug === slugOf);
    const history = roadmap.history as Entry[];
    list[at(milestones.first.slug)]!.completedAt = hoursAhead(48);
    const third = list[at(milestones.third.slug)]!;
    third.status = "done";
    (third.evidence as Entry[]).push({ title: "Soon", url: "https://soon.test", addedAt: hoursAhead(48) });
    // Within a day ahead is allowed: another machine's clock may run fast.
    const startedThird = history.findIndex((event) => event.milestone === milestones.third.slug);
    history[startedThird]!.at = hoursAhead(12);
    history.push({ milestone: milestones.fourth.slug, from: "not_started", to: "done", at: hoursAhead(48) });
    const other = await createLearner();

    const report = await importLearnerData({ viewer: other, data: file, now });
    expect(report.skipped.filter((item) => item.reason.includes("more than a day in the future"))).toEqual([
      { where: `roadmaps[0].milestones[${at(milestones.first.slug)}]`, reason: expect.stringContaining("completedAt") },
      { where: `roadmaps[0].milestones[${at(milestones.third.slug)}].evidence[1]`, reason: expect.any(String) },
      { where: `roadmaps[0].history[${history.length - 1}]`, reason: expect.stringContaining(hoursAhead(48)) },
    ]);
    const events = await eventsOf(other);
    const closing = events.at(-1)!;
    expect([closing.milestoneId, closing.fromStatus, closing.toStatus, closing.actorId]).toEqual([
      milestones.third.id,
      "in_progress",
      "done",
      other.id,
    ]);
    expect(closing.createdAt.getTime()).toBeGreaterThan(new Date(hoursAhead(12)).getTime());
    const activity = await getActivityForViewer({ viewer: other, now });
    expect(activity.undoableEventId).toBe(closing.id);
  });

  it("keeps each milestone's dates as the app would for its status", async () => {
    const { learner, milestones } = await busyLearner();
    const [, , , , fifth] = await backendMilestones();
    const file = asFile(await exportOf(learner));
    type Entry = Record<string, unknown>;
    const roadmap = (file.roadmaps as Entry[])[0]!;
    const list = roadmap.milestones as Entry[];
    const entry = (slugOf: string) => list.find((m) => m.slug === slugOf)!;
    const firstStart = entry(milestones.first.slug).startedAt;
    Object.assign(entry(milestones.first.slug), { status: "in_progress" });
    Object.assign(entry(milestones.second.slug), {
      startedAt: "2026-01-02T00:00:00.000Z",
      completedAt: "2026-01-03T00:00:00.000Z",
    });
    Object.assign(entry(milestones.fourth.slug), { startedAt: "2026-01-02T00:00:00.000Z" });
    Object.assign(entry(fifth!.slug), { status: "done", startedAt: null, completedAt: null });
    (roadmap.history as Entry[]).push(
      { milestone: fifth!.slug, from: "not_started", to: "in_progress", at: "2026-01-04T00:00:00.000Z" },
      { milestone: fifth!.slug, from: "in_progress", to: "done", at: "2026-01-05T00:00:00.000Z" },
    );
    const other = await createLearner();

    expect((await importLearnerData({ viewer: other, data: file })).skipped).toEqual([]);
    const copy = new Map((await exportOf(other)).roadmaps[0]!.milestones.map((m) => [m.slug, m]));
    const dates = (slugOf: string) => {
      const { status, startedAt, completedAt } = copy.get(slugOf)!;
      return { status, startedAt, completedAt };
    };
    // Completion stays only while done; a skip keeps the start; a milestone not started has neither.
    expect(dates(milestones.first.slug)).toEqual({ status: "in_progress", startedAt: firstStart, completedAt: null });
    expect(dates(milestones.second.slug)).toEqual({
      status: "skipped",
      startedAt: "2026-01-02T00:00:00.000Z",
      completedAt: null,
    });
    expect(dates(milestones.fourth.slug)).toEqual({ status: "not_started", startedAt: null, completedAt: null });
    // A done milestone without dates takes them from its history.
    expect(dates(fifth!.slug)).toEqual({
      status: "done",
      startedAt: "2026-01-04T00:00:00.000Z",
      completedAt: "2026-01-05T00:00:00.000Z",
    });
  });

  it("checks each entry with the export's schema, naming the field at fault", async () => {
    const { learner, milestones } = await busyLearner();
    const file = asFile(await exportOf(learner));
    type Entry = Record<string, unknown>;
    const roadmap = (file.roadmaps as Entry[])[0]!;
    const list = roadmap.milestones as Entry[];
    const at = (slugOf: string) => list.findIndex((m) => m.slug === slugOf);
    const history = roadmap.history as Entry[];
    (roadmap.stageTargets as Entry[])[0]!.targetDate = 20260430;
    list[at(milestones.first.slug)]!.note = { body: 5, updatedAt: "2026-02-01T00:00:00.000Z" };
    delete list[at(milestones.third.slug)]!.status;
    history[0]!.byMentor = "yes";
    history[1]!.byMentor = false;
    const startedThird = history.findIndex((event) => event.milestone === milestones.third.slug);
    const other = await createLearner();

    const report = await importLearnerData({ viewer: other, data: file });
    expect(report.skipped).toEqual([
      { where: "roadmaps[0].stageTargets[0]", reason: "“targetDate”: “20260430” isn't a date such as 2026-12-31." },
      { where: `roadmaps[0].milestones[${at(milestones.first.slug)}].note`, reason: "“body”: “5” isn't text." },
      { where: `roadmaps[0].milestones[${at(milestones.third.slug)}]`, reason: "“status” is missing." },
      { where: "roadmaps[0].history[0]", reason: "“byMentor”: “yes” isn't true or false." },
      { where: `roadmaps[0].history[${startedThird}]`, reason: expect.stringContaining("wasn't imported") },
    ]);
    const copy = (await exportOf(other)).roadmaps[0]!;
    expect(copy.stageTargets).toEqual([]);
    // false is the learner's own change, as when the field is left out.
    expect(copy.history[0]).toEqual({
      milestone: milestones.first.slug,
      from: "in_progress",
      to: "done",
      at: expect.any(String),
    });
  });

  it("keeps imported old history below newer changes in the timeline and for Undo", async () => {
    const roadmapSlug = `export-test-${crypto.randomUUID().slice(0, 8)}`;
    await syncRoadmapContent(getDb(), testRoadmap(roadmapSlug, ["alpha", "beta"]));
    const learner = await createLearner();
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    const monthsAgo = "2025-09-01T10:00:00.000Z";
    const file = {
      format: "waymark-export",
      version: 1,
      roadmaps: [
        {
          slug: roadmapSlug,
          startedAt: monthsAgo,
          plannedStart: null,
          targetDate: null,
          stageTargets: [],
          milestones: [
            { slug: "alpha", status: "done", startedAt: monthsAgo, completedAt: monthsAgo, note: null, evidence: [] },
          ],
          history: [{ milestone: "alpha", from: "not_started", to: "done", at: monthsAgo }],
        },
      ],
    };

    expect((await importLearnerData({ viewer: learner, data: file })).skipped).toEqual([]);
    const { timeline, undoableEventId } = await getActivityForViewer({ viewer: learner });
    expect(timeline.map((item) => [item.milestoneSlug, item.toStatus])).toEqual([
      [first!.slug, "done"],
      ["alpha", "done"],
    ]);
    expect(undoableEventId).toBe(timeline[0]!.id);
  });
});
