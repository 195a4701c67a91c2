import { describe, expect, it } from "vitest";
import { addMilestoneEvidence } from "@/lib/data/evidence";
import { saveMilestoneNote } from "@/lib/data/notes";
import { getSharedProgress, publishShareLink } from "@/lib/data/share-links";
import { acceptInvite, createInvite } from "@/lib/data/mentorships";
import { assignRoadmap, listAssignmentsForMentee } from "@/lib/data/roadmap-assignments";
import { createRoadmap, publishRoadmap, saveRoadmapDraft, setRoadmapVisibility } from "@/lib/data/roadmap-authoring";
import { getRoadmapPageForViewer } from "@/lib/data/roadmap-state";
import { authoredContent, createAuthoredRoadmap, createLearner } from "./helpers";

/*
 * What a reviewer found an attacker could do with authoring: each case failed before its fix.
 */
describe("authoring, as an attacker tries it", () => {
  it("never sends a published roadmap's readers the author's unpublished draft or the author's id", async () => {
    const author = await createLearner("Ada Author");
    const { id, slug } = await createRoadmap({ viewer: author, title: "Public plans" });
    const content = { ...authoredContent(slug), title: "Public plans" };
    const saved = await saveRoadmapDraft({ viewer: author, roadmapId: id, baseRevision: 0, draft: content });
    await publishRoadmap({ viewer: author, roadmapId: id, baseRevision: saved.revision });
    const secret = { ...content, summary: "SECRET-DRAFT-TEXT not yet published" };
    await saveRoadmapDraft({ viewer: author, roadmapId: id, baseRevision: saved.revision, draft: secret });

    await setRoadmapVisibility({ viewer: author, roadmapId: id, visibility: "public" });

    const seen = JSON.stringify(await getRoadmapPageForViewer({ viewer: null, slug }));
    expect(seen).toContain("Public plans");
    expect(seen).not.toContain("SECRET-DRAFT-TEXT");
    expect(seen).not.toContain(author.id);
  });

  it("refuses to publish the same content twice, so versions can't be piled up", async () => {
    const author = await createLearner();
    const { id, slug } = await createRoadmap({ viewer: author, title: "Once" });
    const saved = await saveRoadmapDraft({
      viewer: author,
      roadmapId: id,
      baseRevision: 0,
      draft: { ...authoredContent(slug), title: "Once" },
    });
    expect(await publishRoadmap({ viewer: author, roadmapId: id, baseRevision: saved.revision })).toEqual({
      version: 1,
    });
    await expect(publishRoadmap({ viewer: author, roadmapId: id, baseRevision: saved.revision })).rejects.toMatchObject(
      { code: "CONFLICT" },
    );
  });

  it("answers a draft with a hundred thousand wrong milestones with a message, not a crash", async () => {
    const author = await createLearner();
    const { id, slug } = await createRoadmap({ viewer: author, title: "Huge" });
    const draft = { slug, title: "Huge", stages: [{ slug: "s", title: "S", milestones: Array(150_000).fill(0) }] };
    await expect(saveRoadmapDraft({ viewer: author, roadmapId: id, baseRevision: 0, draft })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("refuses a new roadmap's title holding half of an emoji, as the hostile-input run sent it", async () => {
    const author = await createLearner();
    await expect(createRoadmap({ viewer: author, title: "Half \ud83d" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { title: [expect.any(String)] },
    });
  });

  it("refuses half of an emoji (a lone surrogate) by its field instead of failing in the database", async () => {
    const author = await createLearner();
    const { id, slug } = await createRoadmap({ viewer: author, title: "Emoji" });
    const draft = { ...authoredContent(slug), title: "Broken \ud83d emoji" };
    await expect(saveRoadmapDraft({ viewer: author, roadmapId: id, baseRevision: 0, draft })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { title: [expect.any(String)] },
    });
  });

  it("shows a mentor only their own suggestions to a mentee, never another mentor's roadmaps", async () => {
    const learner = await createLearner();
    const mentorships = [];
    for (const name of ["Maya Mentor", "Otto Other"]) {
      const mentor = await createLearner(name);
      const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
      mentorships.push({ mentor, ...(await acceptInvite({ viewer: learner, token: invite.token })) });
    }
    const [maya, otto] = mentorships;
    const secret = await createAuthoredRoadmap({ owner: otto!.mentor, visibility: "unlisted", publish: true });
    await assignRoadmap({ viewer: otto!.mentor, mentorshipId: otto!.mentorshipId, roadmapSlug: secret.slug });
    expect(await listAssignmentsForMentee({ viewer: maya!.mentor, mentorshipId: maya!.mentorshipId })).toEqual([]);
    expect(await listAssignmentsForMentee({ viewer: otto!.mentor, mentorshipId: otto!.mentorshipId })).toHaveLength(1);
  });

  it("takes no note or evidence on a milestone of a roadmap the writer may not see, whatever id they hold", async () => {
    const owner = await createLearner();
    const hidden = await createAuthoredRoadmap({ owner, visibility: "private", publish: true });
    const { roadmap } = await getRoadmapPageForViewer({ viewer: owner, slug: hidden.slug });
    const milestoneId = roadmap.stages[0]!.milestones[0]!.id;
    const stranger = await createLearner("Sam Stranger");
    await expect(
      saveMilestoneNote({ viewer: stranger, milestoneId, body: "mine", baseVersion: 0 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      addMilestoneEvidence({ viewer: stranger, milestoneId, title: "Repo", url: "https://example.com" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await saveMilestoneNote({ viewer: owner, milestoneId, body: "the owner's own", baseVersion: 0 });
  });

  it("ends a share link's view of a roadmap its learner may no longer see, and shares no unpublished one", async () => {
    const author = await createLearner();
    const learner = await createLearner();
    const shared = await createAuthoredRoadmap({ owner: author, visibility: "public", publish: true });
    const { token } = await publishShareLink({ viewer: learner, roadmapSlug: shared.slug, includeEvidence: false });
    expect((await getSharedProgress(token)).state).toBe("shared");
    await setRoadmapVisibility({ viewer: author, roadmapId: shared.id, visibility: "private" });
    expect((await getSharedProgress(token)).state).toBe("revoked");

    const draft = await createRoadmap({ viewer: author, title: "Not yet" });
    await expect(
      publishShareLink({ viewer: author, roadmapSlug: draft.slug, includeEvidence: false }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
