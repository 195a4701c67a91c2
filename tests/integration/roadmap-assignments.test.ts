import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { roadmaps } from "@/db/schema";
import { acceptInvite, createInvite, endMentorship } from "@/lib/data/mentorships";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import {
  answerAssignment,
  assignRoadmap,
  listAssignableRoadmaps,
  listAssignmentsForMentee,
  listPendingAssignmentsForViewer,
} from "@/lib/data/roadmap-assignments";
import { findRoadmapAccess } from "@/lib/data/roadmap-access";
import { getRoadmapPageForViewer } from "@/lib/data/roadmap-state";
import type { Viewer } from "@/lib/data/viewer";
import { createAuthoredRoadmap, createLearner } from "./helpers";

/** A roadmap of the owner's own, private, published once unless told otherwise. */
async function privateRoadmap(owner: Viewer, { publish = true } = {}) {
  return (await createAuthoredRoadmap({ owner, visibility: "private", publish })).slug;
}

async function mentorOf(learner: Viewer, name = "Maya Mentor") {
  const mentor = await createLearner(name);
  const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
  const { mentorshipId } = await acceptInvite({ viewer: learner, token: invite.token });
  return { mentor, mentorshipId };
}

describe("a mentor assigning a roadmap", () => {
  it("lets the mentee read a private roadmap, answer on the dashboard, and tick its milestones", async () => {
    const learner = await createLearner("Lena Learner");
    const { mentor, mentorshipId } = await mentorOf(learner);
    const slug = await privateRoadmap(mentor);
    expect(await findRoadmapAccess(learner.id, slug)).toBeNull();
    expect((await listAssignableRoadmaps({ viewer: mentor })).map((roadmap) => roadmap.slug)).toContain(slug);

    expect(await assignRoadmap({ viewer: mentor, mentorshipId, roadmapSlug: slug })).toMatchObject({
      status: "pending",
    });
    expect((await findRoadmapAccess(learner.id, slug))?.role).toBe("assignee");
    const [pending] = await listPendingAssignmentsForViewer({ viewer: learner });
    expect(pending).toMatchObject({ roadmapSlug: slug, mentorName: "Maya Mentor" });

    const { roadmap } = await getRoadmapPageForViewer({ viewer: learner, slug });
    const milestoneId = roadmap.stages[0]!.milestones[0]!.id;
    await setMilestoneStatus({ viewer: learner, milestoneId, status: "in_progress" });

    await answerAssignment({ viewer: learner, assignmentId: pending!.id, accept: true });
    expect(await listPendingAssignmentsForViewer({ viewer: learner })).toEqual([]);
    expect((await findRoadmapAccess(learner.id, slug))?.following).toBe(true);
    expect((await listAssignmentsForMentee({ viewer: mentor, mentorshipId }))[0]?.status).toBe("accepted");
  });

  it("ends the access a suggestion gave when the mentee declines, and can ask again", async () => {
    const learner = await createLearner();
    const { mentor, mentorshipId } = await mentorOf(learner);
    const slug = await privateRoadmap(mentor);
    await assignRoadmap({ viewer: mentor, mentorshipId, roadmapSlug: slug });
    const [pending] = await listPendingAssignmentsForViewer({ viewer: learner });
    await answerAssignment({ viewer: learner, assignmentId: pending!.id, accept: false });
    expect(await findRoadmapAccess(learner.id, slug)).toBeNull();
    await expect(answerAssignment({ viewer: learner, assignmentId: pending!.id, accept: false })).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );

    expect((await assignRoadmap({ viewer: mentor, mentorshipId, roadmapSlug: slug })).status).toBe("pending");
    expect(await listPendingAssignmentsForViewer({ viewer: learner })).toHaveLength(1);
  });

  it("refuses what the mentor may not assign: an unpublished roadmap, someone else's private one, after the mentorship ends", async () => {
    const learner = await createLearner();
    const { mentor, mentorshipId } = await mentorOf(learner);
    const draft = await privateRoadmap(mentor, { publish: false });
    await expect(assignRoadmap({ viewer: mentor, mentorshipId, roadmapSlug: draft })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    const othersPrivate = await privateRoadmap(await createLearner("Otto Other"));
    await expect(assignRoadmap({ viewer: mentor, mentorshipId, roadmapSlug: othersPrivate })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await endMentorship({ viewer: mentor, mentorshipId });
    const own = await privateRoadmap(mentor);
    await expect(assignRoadmap({ viewer: mentor, mentorshipId, roadmapSlug: own })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("keeps an assignment to the learner it names: nobody else answers it or reads the roadmap through it", async () => {
    const learner = await createLearner();
    const { mentor, mentorshipId } = await mentorOf(learner);
    const slug = await privateRoadmap(mentor);
    await assignRoadmap({ viewer: mentor, mentorshipId, roadmapSlug: slug });
    const [pending] = await listPendingAssignmentsForViewer({ viewer: learner });
    const stranger = await createLearner("Sam Stranger");
    await expect(answerAssignment({ viewer: stranger, assignmentId: pending!.id, accept: true })).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    await expect(getRoadmapPageForViewer({ viewer: stranger, slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { roadmap } = await getRoadmapPageForViewer({ viewer: learner, slug });
    await expect(
      setMilestoneStatus({ viewer: stranger, milestoneId: roadmap.stages[0]!.milestones[0]!.id, status: "done" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [row] = await getDb().select().from(roadmaps).where(eq(roadmaps.slug, slug));
    expect(row?.visibility).toBe("private");
  });
});
