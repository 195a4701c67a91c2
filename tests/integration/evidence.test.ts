import { describe, expect, it } from "vitest";
import { addMilestoneEvidence, removeMilestoneEvidence } from "@/lib/data/evidence";
import { countQueries } from "@/db/query-count";
import { getMenteeForViewer } from "@/lib/data/mentee";
import { acceptInvite, createInvite, endMentorship } from "@/lib/data/mentorships";
import { getNotebookForViewer } from "@/lib/data/notebook";
import { saveMilestoneNote } from "@/lib/data/notes";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import { EVIDENCE_MAX_PER_MILESTONE } from "@/lib/domain/evidence-rules";
import type { Viewer } from "@/lib/data/viewer";
import { backendMilestones, createLearner } from "./helpers";

const slug = "backend-developer";
const evidenceOf = async (input: { viewer: Viewer; roadmapSlug: string }) =>
  (await getNotebookForViewer(input)).evidence;

describe("evidence links on milestones", () => {
  it("keeps links in the order they were added and removes one on request", async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    const repo = await addMilestoneEvidence({
      viewer: learner,
      milestoneId: first!.id,
      title: "  CLI tool repository ",
      url: " https://github.com/example/cli ",
    });
    expect(repo).toMatchObject({ title: "CLI tool repository", url: "https://github.com/example/cli" });
    await addMilestoneEvidence({
      viewer: learner,
      milestoneId: first!.id,
      title: "Write-up",
      url: "http://blog.example.com/post",
    });
    const listed = await evidenceOf({ viewer: learner, roadmapSlug: slug });
    expect(listed[first!.id]!.map((link) => link.title)).toEqual(["CLI tool repository", "Write-up"]);

    await removeMilestoneEvidence({ viewer: learner, evidenceId: repo.id });
    const after = await evidenceOf({ viewer: learner, roadmapSlug: slug });
    expect(after[first!.id]!.map((link) => link.title)).toEqual(["Write-up"]);
  });

  it.each([
    ["javascript:alert(1)", "Use a web address starting with http:// or https://."],
    ["data:text/html,<script>alert(1)</script>", "Use a web address starting with http:// or https://."],
    ["ftp://files.example.com/cert.pdf", "Use a web address starting with http:// or https://."],
    ["not a link", "Use a web address starting with http:// or https://."],
    [`https://example.com/${"a".repeat(2_000)}`, "Addresses can be up to 2,000 characters."],
  ])("refuses the address %s with a message saying why", async (url, message) => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    await expect(
      addMilestoneEvidence({ viewer: learner, milestoneId: first!.id, title: "Proof", url }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { url: [message] } });
    expect(await evidenceOf({ viewer: learner, roadmapSlug: slug })).toEqual({});
  });

  it("refuses an empty or over-long title", async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    const url = "https://example.com";
    await expect(
      addMilestoneEvidence({ viewer: learner, milestoneId: first!.id, title: "   ", url }),
    ).rejects.toMatchObject({
      fieldErrors: { title: ["Give the link a title, such as “Project repository”."] },
    });
    await expect(
      addMilestoneEvidence({ viewer: learner, milestoneId: first!.id, title: "t".repeat(121), url }),
    ).rejects.toMatchObject({ fieldErrors: { title: ["Titles can be up to 120 characters."] } });
  });

  it(`holds at most ${EVIDENCE_MAX_PER_MILESTONE} links per milestone, also when adds arrive together`, async () => {
    const learner = await createLearner();
    const [first, second] = await backendMilestones();
    const attempts = await Promise.allSettled(
      Array.from({ length: EVIDENCE_MAX_PER_MILESTONE + 5 }, (_, index) =>
        addMilestoneEvidence({
          viewer: learner,
          milestoneId: first!.id,
          title: `Link ${index}`,
          url: `https://example.com/${index}`,
        }),
      ),
    );
    const refused = attempts.filter((attempt) => attempt.status === "rejected");
    expect(refused).toHaveLength(5);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
      code: "CONFLICT",
      message: "A milestone can have up to 20 evidence links. Remove one to add another.",
    });
    const listed = await evidenceOf({ viewer: learner, roadmapSlug: slug });
    expect(listed[first!.id]).toHaveLength(EVIDENCE_MAX_PER_MILESTONE);
    // The limit is per milestone, not per learner.
    await addMilestoneEvidence({
      viewer: learner,
      milestoneId: second!.id,
      title: "Other",
      url: "https://example.com",
    });
  });

  it("never shows or removes another learner's links", async () => {
    const owner = await createLearner();
    const other = await createLearner();
    const [first] = await backendMilestones();
    const link = await addMilestoneEvidence({
      viewer: owner,
      milestoneId: first!.id,
      title: "Mine",
      url: "https://example.com",
    });
    expect(await evidenceOf({ viewer: other, roadmapSlug: slug })).toEqual({});
    await removeMilestoneEvidence({ viewer: other, evidenceId: link.id });
    expect((await evidenceOf({ viewer: owner, roadmapSlug: slug }))[first!.id]).toHaveLength(1);
  });

  it("says plainly when the milestone does not exist", async () => {
    const learner = await createLearner();
    await expect(
      addMilestoneEvidence({
        viewer: learner,
        milestoneId: "00000000-0000-4000-8000-000000000000",
        title: "Proof",
        url: "https://example.com",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("gives the roadmap page notes and links together, in one statement after the roadmap's access check", async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    await saveMilestoneNote({ viewer: learner, milestoneId: first!.id, body: "plan", baseVersion: 0 });
    const link = await addMilestoneEvidence({
      viewer: learner,
      milestoneId: first!.id,
      title: "Repo",
      url: "https://example.com/repo",
    });
    await getNotebookForViewer({ viewer: learner, roadmapSlug: slug });
    const { result, queries } = await countQueries(() => getNotebookForViewer({ viewer: learner, roadmapSlug: slug }));
    expect(queries).toBe(2);
    expect(result).toEqual({
      notes: { [first!.id]: { body: "plan", version: 1 } },
      evidence: { [first!.id]: [{ id: link.id, title: "Repo", url: "https://example.com/repo" }] },
    });
  });
});

describe("evidence links and mentors", () => {
  it("shows a current mentor the learner's evidence (without their private notes) and a former mentor nothing", async () => {
    const mentor = await createLearner("Maya Mentor");
    const learner = await createLearner();
    const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
    const { mentorshipId } = await acceptInvite({ viewer: learner, token: invite.token });
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    await saveMilestoneNote({ viewer: learner, milestoneId: first!.id, body: "Private thoughts", baseVersion: 0 });
    await addMilestoneEvidence({
      viewer: learner,
      milestoneId: first!.id,
      title: "HTTP notes repo",
      url: "https://github.com/example/http",
    });

    const [seen] = (await getMenteeForViewer({ viewer: mentor, mentorshipId })).roadmaps;
    expect(seen!.evidence[first!.id]).toMatchObject([
      { title: "HTTP notes repo", url: "https://github.com/example/http" },
    ]);
    expect(seen!.notes).toEqual({});

    await endMentorship({ viewer: learner, mentorshipId });
    await expect(getMenteeForViewer({ viewer: mentor, mentorshipId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
