import { describe, expect, it } from "vitest";
import { countQueries } from "@/db/query-count";
import { addMilestoneEvidence } from "@/lib/data/evidence";
import { getMilestoneFeedback, postMilestoneMessage, setMilestoneReviewed } from "@/lib/data/feedback";
import { acceptInvite, createInvite } from "@/lib/data/mentorships";
import { getNotebookForViewer } from "@/lib/data/notebook";
import { saveMilestoneNote } from "@/lib/data/notes";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import { getRoadmapPageForViewer } from "@/lib/data/roadmap-state";
import { publishShareLink } from "@/lib/data/share-links";
import { backendMilestones, createLearner, viewRoadmap } from "./helpers";

const slug = "backend-developer";

async function learnerWithEverything() {
  const learner = await createLearner("Rosa Record");
  const mentor = await createLearner("Maya Mentor");
  const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
  await acceptInvite({ viewer: learner, token: invite.token });

  const [first, second] = await backendMilestones();
  await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "in_progress" });
  await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
  await setMilestoneStatus({ viewer: learner, milestoneId: second!.id, status: "skipped" });
  await saveMilestoneNote({
    viewer: learner,
    milestoneId: first!.id,
    body: "Read the **whole** chapter",
    baseVersion: 0,
  });
  await addMilestoneEvidence({
    viewer: learner,
    milestoneId: first!.id,
    title: "Notes repo",
    url: "https://example.com/a",
  });
  await postMilestoneMessage({ viewer: mentor, learnerId: learner.id, milestoneId: first!.id, body: "Nice work" });
  await postMilestoneMessage({
    viewer: learner,
    learnerId: learner.id,
    milestoneId: first!.id,
    mentorId: mentor.id,
    body: "Thanks!",
  });
  await setMilestoneReviewed({ viewer: mentor, learnerId: learner.id, milestoneId: first!.id, reviewed: true });
  const link = await publishShareLink({ viewer: learner, roadmapSlug: slug, includeEvidence: true });
  return { learner, mentor, first: first!, second: second!, link };
}

describe("the roadmap page's read of what a learner recorded", () => {
  it("brings statuses, dates, notes, evidence, feedback and the share link in one statement after the roadmap's access check", async () => {
    const { learner, first, second, link } = await learnerWithEverything();
    await viewRoadmap({ viewer: learner, slug });

    const { result, queries } = await countQueries(() => getRoadmapPageForViewer({ viewer: learner, slug }));
    expect(queries).toBe(2);

    const state = result.state!;
    expect(state.statuses).toEqual({ [first.id]: "done", [second.id]: "skipped" });
    expect(state.dates[first.id]?.startedAt).toEqual(expect.any(String));
    expect(state.dates[first.id]?.completedAt).toEqual(expect.any(String));
    expect(state.notebook).toEqual(await getNotebookForViewer({ viewer: learner, roadmapSlug: slug }));
    expect(state.notebook.notes[first.id]?.body).toBe("Read the **whole** chapter");
    expect(state.notebook.evidence[first.id]).toEqual([expect.objectContaining({ title: "Notes repo" })]);
    expect(state.shareLink).toEqual({ token: link.token, includeEvidence: true, createdAt: link.createdAt });
    // The same threads and review marks, dates as Dates, as the mentor's page reads them apart.
    expect(state.feedback).toEqual(await getMilestoneFeedback({ viewer: learner, learnerId: learner.id }));
    const [thread] = state.feedback.threads[first.id]!;
    expect(thread?.messages.map((message) => [message.authorName, message.body, message.fromLearner])).toEqual([
      ["Maya Mentor", "Nice work", false],
      ["Rosa Record", "Thanks!", true],
    ]);
    expect(thread?.messages[0]?.createdAt).toBeInstanceOf(Date);
  });

  it("shows a learner only their own record, and a signed-out visitor none", async () => {
    const { first } = await learnerWithEverything();
    const stranger = await createLearner("Sam Stranger");
    const { state } = await getRoadmapPageForViewer({ viewer: stranger, slug });
    expect(state).toEqual({
      statuses: {},
      dates: {},
      notebook: { notes: {}, evidence: {} },
      feedback: { threads: {}, reviews: {} },
      shareLink: null,
      unseenChanges: null,
    });
    const signedOut = await getRoadmapPageForViewer({ viewer: null, slug });
    expect(signedOut.state).toBeNull();
    expect(signedOut.roadmap.stages.flatMap((stage) => stage.milestones).map((m) => m.id)).toContain(first.id);
  });
});

describe("addresses that are not a roadmap's", () => {
  it.each([
    ["a NUL character", "backend\u0000developer"],
    ["capitals and spaces", "Backend Developer"],
    ["a very long one", "a".repeat(10_000)],
  ])("with %s answer not found, signed in or not", async (_, address) => {
    const learner = await createLearner("Nora Nowhere");
    for (const viewer of [learner, null]) {
      await expect(getRoadmapPageForViewer({ viewer, slug: address })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("are not remembered: typing many of them costs the server no memory", async () => {
    await getRoadmapPageForViewer({ viewer: null, slug });
    const remembered = () =>
      (globalThis as { waymarkRoadmapContent?: Map<string, unknown> }).waymarkRoadmapContent!.size;
    const before = remembered();
    for (let i = 0; i < 50; i++) {
      await expect(getRoadmapPageForViewer({ viewer: null, slug: `no-such-roadmap-${i}` })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    expect(remembered()).toBe(before);
  });
});
