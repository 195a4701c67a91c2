import { describe, expect, it } from "vitest";
import { getMilestoneFeedback, postMilestoneMessage, setMilestoneReviewed } from "@/lib/data/feedback";
import { getMenteeForViewer } from "@/lib/data/mentee";
import {
  acceptInvite,
  createInvite,
  endMentorship,
  getInvitePreview,
  listMentorsForViewer,
  listOpenInvitesForViewer,
  revokeInvite,
  setNotesSharing,
} from "@/lib/data/mentorships";
import { countUnreadNotifications, listNotificationsForViewer, markNotificationsRead } from "@/lib/data/notifications";
import { setMilestoneStatus } from "@/lib/data/progress";
import { backendMilestones, createLearner } from "./helpers";

async function connect() {
  const mentor = await createLearner("Maya Mentor");
  const learner = await createLearner("Leo Learner");
  const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
  const { mentorshipId } = await acceptInvite({ viewer: learner, token: invite.token });
  return { mentor, learner, mentorshipId };
}

describe("starting a mentorship", () => {
  it("shows who invited and shares nothing before the learner accepts", async () => {
    const mentor = await createLearner("Maya Mentor");
    const learner = await createLearner();
    const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });

    expect(await getInvitePreview({ viewer: learner, token: invite.token })).toMatchObject({
      state: "open",
      kind: "mentor_invites_learner",
      creatorName: "Maya Mentor",
    });
    expect(await listMentorsForViewer({ viewer: learner })).toEqual([]);

    const { role, mentorshipId } = await acceptInvite({ viewer: learner, token: invite.token });
    expect(role).toBe("learner");
    expect(await listMentorsForViewer({ viewer: learner })).toEqual([
      expect.objectContaining({ mentorshipId, mentorName: "Maya Mentor", shareNotes: false }),
    ]);
  });

  it("lets one mentor link bring in several learners, and accepting twice changes nothing", async () => {
    const mentor = await createLearner();
    const [first, second] = [await createLearner(), await createLearner()];
    const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
    const a = await acceptInvite({ viewer: first, token: invite.token });
    const again = await acceptInvite({ viewer: first, token: invite.token });
    const b = await acceptInvite({ viewer: second, token: invite.token });
    expect(again.mentorshipId).toBe(a.mentorshipId);
    expect(b.mentorshipId).not.toBe(a.mentorshipId);
    expect(await getInvitePreview({ viewer: first, token: invite.token })).toMatchObject({
      state: "already-connected",
    });
  });

  it("lets a learner invite a mentor with a single-use link that carries their notes choice", async () => {
    const learner = await createLearner();
    const mentor = await createLearner();
    const latecomer = await createLearner();
    const invite = await createInvite({ viewer: learner, kind: "learner_invites_mentor", shareNotes: true });
    const { role, mentorshipId } = await acceptInvite({ viewer: mentor, token: invite.token });
    expect(role).toBe("mentor");
    expect(await listMentorsForViewer({ viewer: learner })).toEqual([
      expect.objectContaining({ mentorshipId, shareNotes: true }),
    ]);
    await expect(acceptInvite({ viewer: latecomer, token: invite.token })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This invite link has already been used.",
    });
  });

  it("says plainly when a link is expired, withdrawn, your own, or not a link at all", async () => {
    const mentor = await createLearner();
    const learner = await createLearner();
    const expired = await createInvite({ viewer: mentor, kind: "mentor_invites_learner", days: -1 });
    expect(await getInvitePreview({ viewer: learner, token: expired.token })).toMatchObject({ state: "expired" });
    await expect(acceptInvite({ viewer: learner, token: expired.token })).rejects.toMatchObject({
      message: "This invite link has expired. Ask for a new one.",
    });

    const withdrawn = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
    const [open] = await listOpenInvitesForViewer({ viewer: mentor, kind: "mentor_invites_learner" });
    await revokeInvite({ viewer: mentor, inviteId: open!.id });
    expect(await getInvitePreview({ viewer: learner, token: withdrawn.token })).toMatchObject({ state: "revoked" });
    expect(await listOpenInvitesForViewer({ viewer: mentor, kind: "mentor_invites_learner" })).toEqual([]);

    const own = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
    await expect(acceptInvite({ viewer: mentor, token: own.token })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(getInvitePreview({ viewer: learner, token: "not-a-real-token" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("only lets the creator withdraw an invite", async () => {
    const mentor = await createLearner();
    const stranger = await createLearner();
    await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
    const [open] = await listOpenInvitesForViewer({ viewer: mentor, kind: "mentor_invites_learner" });
    await expect(revokeInvite({ viewer: stranger, inviteId: open!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("a mentorship in progress", () => {
  it("shows the mentor the learner's roadmap, statuses and recent activity", async () => {
    const { mentor, learner, mentorshipId } = await connect();
    const [first, second] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    await setMilestoneStatus({ viewer: learner, milestoneId: second!.id, status: "in_progress" });

    const view = await getMenteeForViewer({ viewer: mentor, mentorshipId });
    expect(view.learnerName).toBe("Leo Learner");
    expect(view.roadmaps).toHaveLength(1);
    expect(view.roadmaps[0]!.statuses).toEqual({ [first!.id]: "done", [second!.id]: "in_progress" });
    expect(view.activity.map((item) => [item.milestoneTitle, item.toStatus])).toEqual([
      [second!.title, "in_progress"],
      [first!.title, "done"],
    ]);
  });

  it("threads feedback and replies per milestone and tells the other side", async () => {
    const { mentor, learner } = await connect();
    const [first] = await backendMilestones();
    await postMilestoneMessage({
      viewer: mentor,
      learnerId: learner.id,
      milestoneId: first!.id,
      body: "Try MDN's guide.",
    });
    expect(await countUnreadNotifications({ viewer: learner })).toBe(1);
    const [notification] = await listNotificationsForViewer({ viewer: learner });
    expect(notification).toMatchObject({ kind: "feedback", actorName: "Maya Mentor", milestoneTitle: first!.title });

    await postMilestoneMessage({
      viewer: learner,
      learnerId: learner.id,
      milestoneId: first!.id,
      body: "Thanks, will do.",
    });
    expect(await countUnreadNotifications({ viewer: mentor })).toBe(1);

    const feedback = await getMilestoneFeedback({ viewer: learner, learnerId: learner.id });
    expect(feedback.threads[first!.id]!.map((m) => [m.authorName, m.fromLearner, m.body])).toEqual([
      ["Maya Mentor", false, "Try MDN's guide."],
      ["Leo Learner", true, "Thanks, will do."],
    ]);
    await markNotificationsRead({ viewer: learner });
    expect(await countUnreadNotifications({ viewer: learner })).toBe(0);
  });

  it("refuses empty or overlong feedback, and a learner opening a thread alone", async () => {
    const { mentor, learner } = await connect();
    const [first] = await backendMilestones();
    await expect(
      postMilestoneMessage({ viewer: mentor, learnerId: learner.id, milestoneId: first!.id, body: "   " }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      postMilestoneMessage({ viewer: mentor, learnerId: learner.id, milestoneId: first!.id, body: "x".repeat(2001) }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/2000/) });
    await expect(
      postMilestoneMessage({ viewer: learner, learnerId: learner.id, milestoneId: first!.id, body: "Hello?" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("marks only done milestones reviewed, and the learner sees who reviewed them", async () => {
    const { mentor, learner } = await connect();
    const [first, second] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    await setMilestoneReviewed({ viewer: mentor, learnerId: learner.id, milestoneId: first!.id, reviewed: true });
    await expect(
      setMilestoneReviewed({ viewer: mentor, learnerId: learner.id, milestoneId: second!.id, reviewed: true }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const { reviews } = await getMilestoneFeedback({ viewer: learner, learnerId: learner.id });
    expect(reviews[first!.id]).toMatchObject({ reviewerName: "Maya Mentor" });
    expect(reviews[second!.id]).toBeUndefined();
    expect((await listNotificationsForViewer({ viewer: learner }))[0]).toMatchObject({ kind: "reviewed" });
  });

  it("tells the mentor when the learner finishes a stage", async () => {
    const { mentor, learner } = await connect();
    const milestones = await backendMilestones();
    const foundation = milestones.filter((m) => m.stageId === milestones[0]!.stageId);
    for (const milestone of foundation) {
      await setMilestoneStatus({ viewer: learner, milestoneId: milestone.id, status: "done" });
    }
    const notifications = await listNotificationsForViewer({ viewer: mentor });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      kind: "stage_completed",
      learnerName: "Leo Learner",
      stageTitle: "Foundation",
    });
  });

  it("lets only the learner choose whether notes are shared", async () => {
    const { mentor, learner, mentorshipId } = await connect();
    await setNotesSharing({ viewer: learner, mentorshipId, shareNotes: true });
    expect((await listMentorsForViewer({ viewer: learner }))[0]).toMatchObject({ shareNotes: true });
    await expect(setNotesSharing({ viewer: mentor, mentorshipId, shareNotes: false })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("ends access at once when either side ends it", async () => {
    const { mentor, learner, mentorshipId } = await connect();
    await endMentorship({ viewer: learner, mentorshipId });
    await expect(getMenteeForViewer({ viewer: mentor, mentorshipId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMilestoneFeedback({ viewer: mentor, learnerId: learner.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await listMentorsForViewer({ viewer: learner })).toEqual([]);
    await expect(endMentorship({ viewer: mentor, mentorshipId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const second = await connect();
    await endMentorship({ viewer: second.mentor, mentorshipId: second.mentorshipId });
    await expect(
      getMenteeForViewer({ viewer: second.mentor, mentorshipId: second.mentorshipId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
