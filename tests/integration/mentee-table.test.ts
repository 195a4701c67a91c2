import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { refreshRoadmapProgressSummaries } from "@/db/progress-summaries";
import { countQueries } from "@/db/query-count";
import { enrollments, mentorships, milestoneProgress, roadmaps, users } from "@/db/schema";
import { createInvite, acceptInvite } from "@/lib/data/mentorships";
import { getDashboardForViewer } from "@/lib/data/dashboard";
import { getMenteesPageForViewer, MENTEES_PAGE_SIZE } from "@/lib/data/mentee-table";
import type { MenteeTableQuery } from "@/lib/domain/mentee-table-query";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import { backendMilestones, createLearner, uniqueEmail, menteeTable } from "./helpers";

const defaults: MenteeTableQuery = { sort: "name", direction: "asc", attentionOnly: false, search: "", page: 1 };
const DAY = 24 * 60 * 60 * 1000;

async function mentorWith(names: string[]) {
  const mentor = await createLearner("Maya Mentor");
  const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
  const learners = [];
  for (const name of names) {
    const learner = await createLearner(name);
    await acceptInvite({ viewer: learner, token: invite.token });
    learners.push(learner);
  }
  return { mentor, learners };
}

describe("the mentor's table of mentees", () => {
  it("shows each mentee's roadmap, progress, current stage and last activity", async () => {
    const { mentor, learners } = await mentorWith(["Ana", "Ben"]);
    const milestones = await backendMilestones();
    await setMilestoneStatus({ viewer: learners[0]!, milestoneId: milestones[0]!.id, status: "done" });
    await setMilestoneStatus({ viewer: learners[0]!, milestoneId: milestones[1]!.id, status: "skipped" });
    await setMilestoneStatus({ viewer: learners[0]!, milestoneId: milestones[2]!.id, status: "in_progress" });

    const table = await menteeTable({ viewer: mentor, query: defaults });
    expect(table.totalRows).toBe(2);
    const [ana, ben] = table.rows;
    expect(ana).toMatchObject({
      learnerName: "Ana",
      roadmapTitle: "Backend Developer",
      total: milestones.length,
      done: 1,
      skipped: 1,
      inProgress: 1,
      percent: Math.floor(100 / milestones.length),
      currentStage: "Foundation",
      inactive: false,
      stalled: false,
    });
    expect(ana!.lastActivityAt).toBeInstanceOf(Date);
    expect(ben).toMatchObject({ learnerName: "Ben", roadmapTitle: null, done: 0, percent: 0, lastActivityAt: null });
  });

  it("flags mentees with no activity for 14 days or a milestone in progress for over 30", async () => {
    const { mentor, learners } = await mentorWith(["Quiet", "Stuck", "Busy"]);
    const [quiet, stuck, busy] = learners;
    const milestones = await backendMilestones();
    for (const learner of [stuck!, busy!]) {
      await setMilestoneStatus({ viewer: learner, milestoneId: milestones[0]!.id, status: "in_progress" });
    }
    const now = new Date();
    await makeQuietAndStuck({ quiet: quiet!, stuck: stuck!, now });

    const table = await menteeTable({ viewer: mentor, query: defaults, now });
    const flags = Object.fromEntries(table.rows.map((row) => [row.learnerName, [row.inactive, row.stalled]]));
    expect(flags).toEqual({ Quiet: [true, false], Stuck: [false, true], Busy: [false, false] });

    const attention = await menteeTable({
      viewer: mentor,
      query: { ...defaults, attentionOnly: true },
      now,
    });
    expect(attention.rows.map((row) => row.learnerName)).toEqual(["Quiet", "Stuck"]);
  });

  it("flags by one rule, so the Attention column, the filter and the attention sort agree", async () => {
    const { mentor, learners } = await mentorWith(["Behind", "Quiet", "Stuck", "New", "Fine"]);
    const [behind, quiet, stuck, , fine] = learners;
    const milestones = await backendMilestones();
    for (const learner of [behind!, fine!]) {
      await setMilestoneStatus({ viewer: learner, milestoneId: milestones[0]!.id, status: "done" });
    }
    await setMilestoneStatus({ viewer: stuck!, milestoneId: milestones[0]!.id, status: "in_progress" });
    const now = new Date();
    await getDb().update(enrollments).set({ plannedStart: "2020-01-01" }).where(eq(enrollments.userId, behind!.id));
    await makeQuietAndStuck({ quiet: quiet!, stuck: stuck!, now });

    const table = await menteeTable({ viewer: mentor, query: defaults, now });
    expect(Object.fromEntries(table.rows.map((row) => [row.learnerName, row.attention]))).toEqual({
      Behind: { status: "needs_attention", reasons: ["behind"] },
      Quiet: { status: "needs_attention", reasons: ["inactive"] },
      Stuck: { status: "needs_attention", reasons: ["stalled"] },
      New: { status: "not_started", reasons: [] },
      Fine: { status: "on_track", reasons: [] },
    });
    const flagged = table.rows.filter((row) => row.attention.status === "needs_attention");
    expect(flagged.map((row) => row.pace === "behind" || row.inactive || row.stalled)).toEqual([true, true, true]);

    const filtered = await menteeTable({ viewer: mentor, query: { ...defaults, attentionOnly: true }, now });
    expect(filtered.rows.map((row) => row.learnerName)).toEqual(flagged.map((row) => row.learnerName));
    expect(filtered.totalRows).toBe(flagged.length);

    const sorted = await menteeTable({
      viewer: mentor,
      query: { ...defaults, sort: "attention", direction: "desc" },
      now,
    });
    expect(sorted.rows.map((row) => row.learnerName)).toEqual(["Behind", "Quiet", "Stuck", "New", "Fine"]);
    const reversed = await menteeTable({
      viewer: mentor,
      query: { ...defaults, sort: "attention", direction: "asc" },
      now,
    });
    expect(reversed.rows.map((row) => row.learnerName)).toEqual(["Fine", "New", "Behind", "Quiet", "Stuck"]);
  });

  it("sorts by progress and activity, and finds mentees by name only", async () => {
    const { mentor, learners } = await mentorWith(["Cleo", "Dev", "Eli"]);
    const milestones = await backendMilestones();
    for (const [index, learner] of learners.entries()) {
      for (const milestone of milestones.slice(0, index + 1)) {
        await setMilestoneStatus({ viewer: learner, milestoneId: milestone.id, status: "done" });
      }
    }
    const byProgress = await menteeTable({
      viewer: mentor,
      query: { ...defaults, sort: "progress", direction: "desc" },
    });
    expect(byProgress.rows.map((row) => row.learnerName)).toEqual(["Eli", "Dev", "Cleo"]);
    const byActivity = await menteeTable({
      viewer: mentor,
      query: { ...defaults, sort: "activity", direction: "desc" },
    });
    expect(byActivity.rows[0]!.learnerName).toBe("Eli");
    const byName = await menteeTable({ viewer: mentor, query: { ...defaults, search: "eV" } });
    expect(byName.rows.map((row) => row.learnerName)).toEqual(["Dev"]);
    const byEmail = await menteeTable({
      viewer: mentor,
      query: { ...defaults, search: learners[2]!.email },
    });
    // Mentees share progress, not their address: an email finds nobody.
    expect(byEmail.rows).toEqual([]);
    const wildcard = await menteeTable({ viewer: mentor, query: { ...defaults, search: "%" } });
    expect(wildcard.rows).toEqual([]);
  });

  it("shows each mentee's pace against the stage windows, in their own days", async () => {
    const { mentor, learners } = await mentorWith(["Early", "Late"]);
    const milestones = await backendMilestones();
    for (const learner of learners) {
      await setMilestoneStatus({ viewer: learner, milestoneId: milestones[0]!.id, status: "done" });
    }
    await getDb()
      .update(enrollments)
      .set({ plannedStart: "2020-01-01" })
      .where(eq(enrollments.userId, learners[1]!.id));
    const table = await menteeTable({ viewer: mentor, query: defaults });
    expect(Object.fromEntries(table.rows.map((row) => [row.learnerName, row.pace]))).toEqual({
      Early: "on_track",
      Late: "behind",
    });
  });

  it("pages a large table in one SQL query per page", async () => {
    const mentor = await createLearner("Busy Mentor");
    const [roadmap] = await getDb()
      .select({ id: roadmaps.id })
      .from(roadmaps)
      .where(eq(roadmaps.slug, "backend-developer"));
    const count = MENTEES_PAGE_SIZE * 2 + 7;
    const created = await getDb()
      .insert(users)
      .values(
        Array.from({ length: count }, (_, i) => ({
          name: `Mentee ${String(i).padStart(3, "0")}`,
          email: uniqueEmail(),
        })),
      )
      .returning({ id: users.id });
    const ids = created.map((row) => row.id);
    await getDb()
      .insert(mentorships)
      .values(ids.map((learnerId) => ({ mentorId: mentor.id, learnerId })));
    await getDb()
      .insert(enrollments)
      .values(ids.map((userId) => ({ userId, roadmapId: roadmap!.id })));
    await refreshRoadmapProgressSummaries(getDb(), roadmap!.id);

    // The roadmap's content (stage windows for pace) is read once per process, before counting.
    await menteeTable({ viewer: mentor, query: defaults });
    const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
    const { result, queries } = await countQueries(() => getMenteesPageForViewer({ viewer: mentor, query: defaults }));
    expect(queries).toBe(1);
    const first = result.table;
    expect(result.invites).toEqual([
      { id: expect.any(String), createdAt: expect.any(Date), expiresAt: invite.expiresAt },
    ]);
    expect(first).toMatchObject({ totalRows: count, pageCount: 3, page: 1 });
    expect(first.rows).toHaveLength(MENTEES_PAGE_SIZE);
    expect(first.rows[0]).toMatchObject({ learnerName: "Mentee 000", currentStage: "Foundation" });
    const last = await menteeTable({ viewer: mentor, query: { ...defaults, page: 3 } });
    expect(last.rows.map((row) => row.learnerName)).toEqual(
      Array.from({ length: 7 }, (_, i) => `Mentee ${String(MENTEES_PAGE_SIZE * 2 + i).padStart(3, "0")}`),
    );
    await getDb().delete(users).where(inArray(users.id, ids));
  });

  it("shows a new mentor's open invite links before anyone has accepted one", async () => {
    const mentor = await createLearner("New Mentor");
    const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
    const { table, invites } = await getMenteesPageForViewer({ viewer: mentor, query: defaults });
    expect(table.rows).toEqual([]);
    expect(invites.map((open) => open.expiresAt)).toEqual([invite.expiresAt]);
  });

  it("lists only the mentor's current mentees", async () => {
    const { mentor, learners } = await mentorWith(["Stays", "Leaves"]);
    const other = await mentorWith(["Someone else's"]);
    await getDb().update(mentorships).set({ endedAt: new Date() }).where(eq(mentorships.learnerId, learners[1]!.id));
    const table = await menteeTable({ viewer: mentor, query: defaults });
    expect(table.rows.map((row) => row.learnerName)).toEqual(["Stays"]);
    expect((await menteeTable({ viewer: other.mentor, query: defaults })).rows).toHaveLength(1);
  });
});

describe("the mentor's pace column", () => {
  it("says what the mentee's own dashboard says, projection included", async () => {
    const { mentor, learners } = await mentorWith(["Moved Back"]);
    const learner = learners[0]!;
    const milestones = await backendMilestones();
    for (const milestone of milestones.slice(0, 3)) {
      await setMilestoneStatus({ viewer: learner, milestoneId: milestone.id, status: "done" });
    }
    // Tracked for 40 days, with a start moved 300 days back: the plan says behind by now, the
    // recent rate projects a finish well before the planned end.
    const now = new Date();
    await getDb()
      .update(enrollments)
      .set({
        startedAt: new Date(now.getTime() - 40 * DAY),
        plannedStart: new Date(now.getTime() - 300 * DAY).toISOString().slice(0, 10),
      })
      .where(eq(enrollments.userId, learner.id));

    const [dashboard] = await getDashboardForViewer({ viewer: learner, now });
    expect(dashboard!.pace.overall.projection).toBe("projected");
    expect(dashboard!.pace.overall.status).toBe("ahead");
    const table = await menteeTable({ viewer: mentor, query: defaults, now });
    expect(table.rows[0]!.pace).toBe(dashboard!.pace.overall.status);
  });
});

/**
 * Ages one mentee's mentorship past the quiet spell and another's milestone past the stall,
 * behind the app's back, then brings the kept summaries up to date as the app would.
 */
async function makeQuietAndStuck({ quiet, stuck, now }: { quiet: { id: string }; stuck: { id: string }; now: Date }) {
  await getDb()
    .update(mentorships)
    .set({ startedAt: new Date(now.getTime() - 20 * DAY) })
    .where(eq(mentorships.learnerId, quiet.id));
  await getDb()
    .update(milestoneProgress)
    .set({ startedAt: new Date(now.getTime() - 31 * DAY) })
    .where(eq(milestoneProgress.userId, stuck.id));
  const [roadmap] = await getDb().select({ id: roadmaps.id }).from(roadmaps);
  await refreshRoadmapProgressSummaries(getDb(), roadmap!.id);
}
