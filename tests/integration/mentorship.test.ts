import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  deleteMilestoneMessage,
  editMilestoneMessage,
  getMilestoneFeedback,
  listUnreadFeedbackForViewer,
  markFeedbackRead,
  postMilestoneMessage,
  setMilestoneReviewed,
} from "@/lib/data/feedback";
import { requireMenteeAccess } from "@/lib/data/access";
import { getMenteeForViewer } from "@/lib/data/mentee";
import {
  acceptInvite,
  createInvite,
  declineInvite,
  endMentorship,
  getInvitePreview,
  listMentorsForViewer,
  listOpenInvitesForViewer,
  revokeInvite,
  setNotesSharing,
} from "@/lib/data/mentorships";
import { getSessionViewer } from "@/lib/data/sessions";
import { countUnreadNotifications, listNotificationsForViewer, markNotificationsRead } from "@/lib/data/notifications";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import { getDb } from "@/db/client";
import { countQueries } from "@/db/query-count";
import { enrollments, roadmaps, users } from "@/db/schema";
import { backendMilestones, createLearner, signInSession, uniqueEmail } from "./helpers";

async function createUserWithoutName() {
  const [user] = await getDb()
    .insert(users)
    .values({ email: uniqueEmail("oauth") })
    .returning({ id: users.id, name: users.name, email: users.email });
  return user!;
}

async function connect() {
  const mentor = await createLearner("Maya Mentor");
  const learner = await createLearner("Leo Learner");
  const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
  const { mentorshipId } = await acceptInvite({ viewer: learner, token: invite.token });
  const [roadmap] = await getDb()
    .select({ id: roadmaps.id })
    .from(roadmaps)
    .where(eq(roadmaps.slug, "backend-developer"));
  await getDb().insert(enrollments).values({ userId: learner.id, roadmapId: roadmap!.id });
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
      expect.objectContaining({ mentorshipId, mentorName: "Maya Mentor" }),
    ]);
    const [told] = await listNotificationsForViewer({ viewer: mentor });
    expect(told).toMatchObject({ kind: "invite_accepted", actorName: learner.name, mentorshipId });
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

  it("lets a learner invite a mentor with a single-use link, and tells them when it is used", async () => {
    const learner = await createLearner();
    const mentor = await createLearner();
    const latecomer = await createLearner();
    const invite = await createInvite({ viewer: learner, kind: "learner_invites_mentor" });
    const { role, mentorshipId } = await acceptInvite({ viewer: mentor, token: invite.token });
    expect(role).toBe("mentor");
    expect(await listMentorsForViewer({ viewer: learner })).toEqual([expect.objectContaining({ mentorshipId })]);
    expect((await listNotificationsForViewer({ viewer: learner }))[0]).toMatchObject({ kind: "invite_accepted" });
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
    // The header's count comes with the session, in the same read.
    const session = await signInSession(learner);
    expect(await getSessionViewer(session)).toMatchObject({
      unreadNotifications: 1,
    });
    const [notification] = await listNotificationsForViewer({ viewer: learner });
    expect(notification).toMatchObject({ kind: "feedback", actorName: "Maya Mentor", milestoneTitle: first!.title });

    await postMilestoneMessage({
      viewer: learner,
      learnerId: learner.id,
      milestoneId: first!.id,
      mentorId: mentor.id,
      body: "Thanks, will do.",
    });
    const forMentor = await listNotificationsForViewer({ viewer: mentor });
    expect(forMentor[0]).toMatchObject({ kind: "reply", actorName: "Leo Learner", unread: true });

    const feedback = await getMilestoneFeedback({ viewer: learner, learnerId: learner.id });
    expect(feedback.threads[first!.id]).toHaveLength(1);
    expect(feedback.threads[first!.id]![0]!.messages.map((m) => [m.authorName, m.fromLearner, m.body])).toEqual([
      ["Maya Mentor", false, "Try MDN's guide."],
      ["Leo Learner", true, "Thanks, will do."],
    ]);
    await markNotificationsRead({
      viewer: learner,
      ids: (await listNotificationsForViewer({ viewer: learner })).map((notification) => notification.id),
    });
    expect(await countUnreadNotifications({ viewer: learner })).toBe(0);
    expect(await getSessionViewer(session)).toMatchObject({
      unreadNotifications: 0,
    });
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
      postMilestoneMessage({
        viewer: learner,
        learnerId: learner.id,
        milestoneId: first!.id,
        mentorId: mentor.id,
        body: "Hello?",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps each mentor's thread between that mentor and the learner", async () => {
    const { mentor, learner } = await connect();
    const other = await createLearner("Otto Othermentor");
    const invite = await createInvite({ viewer: other, kind: "mentor_invites_learner" });
    await acceptInvite({ viewer: learner, token: invite.token });
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
    await postMilestoneMessage({ viewer: mentor, learnerId: learner.id, milestoneId: first!.id, body: "From Maya" });
    await postMilestoneMessage({ viewer: other, learnerId: learner.id, milestoneId: first!.id, body: "From Otto" });
    await setMilestoneReviewed({ viewer: other, learnerId: learner.id, milestoneId: first!.id, reviewed: true });
    await postMilestoneMessage({
      viewer: learner,
      learnerId: learner.id,
      milestoneId: first!.id,
      mentorId: other.id,
      body: "Thanks Otto",
    });

    const forMaya = await getMilestoneFeedback({ viewer: mentor, learnerId: learner.id });
    expect(forMaya.threads[first!.id]!.map((thread) => thread.messages.map((m) => m.body))).toEqual([["From Maya"]]);
    expect(forMaya.reviews[first!.id]).toBeUndefined();
    const forLearner = await getMilestoneFeedback({ viewer: learner, learnerId: learner.id });
    expect(forLearner.threads[first!.id]!.map((thread) => thread.mentorName).sort()).toEqual([
      "Maya Mentor",
      "Otto Othermentor",
    ]);
    expect(forLearner.reviews[first!.id]).toEqual([expect.objectContaining({ reviewerName: "Otto Othermentor" })]);
    const replies = (await listNotificationsForViewer({ viewer: mentor })).filter((n) => n.kind === "reply");
    expect(replies).toEqual([]);
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
    expect(reviews[first!.id]).toEqual([expect.objectContaining({ reviewerName: "Maya Mentor" })]);
    expect(reviews[second!.id]).toBeUndefined();
    expect((await listNotificationsForViewer({ viewer: learner }))[0]).toMatchObject({ kind: "reviewed" });

    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "in_progress" });
    const reopened = await getMilestoneFeedback({ viewer: learner, learnerId: learner.id });
    expect(reopened.reviews[first!.id]).toBeUndefined();
  });

  it("tells the mentor when the learner finishes a stage", async () => {
    const { mentor, learner } = await connect();
    const milestones = await backendMilestones();
    const foundation = milestones.filter((m) => m.stageId === milestones[0]!.stageId);
    for (const milestone of foundation) {
      await setMilestoneStatus({ viewer: learner, milestoneId: milestone.id, status: "done" });
    }
    const notifications = (await listNotificationsForViewer({ viewer: mentor })).filter(
      (notification) => notification.kind === "stage_completed",
    );
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      kind: "stage_completed",
      learnerName: "Leo Learner",
      stageTitle: "Foundation",
    });
  });

  it("says a stage is finished once, when the last two ticks arrive together, and counts skipped as finished", async () => {
    const { mentor, learner } = await connect();
    const milestones = await backendMilestones();
    const foundation = milestones.filter((m) => m.stageId === milestones[0]!.stageId);
    const [last, secondLast, ...rest] = [...foundation].reverse();
    for (const milestone of rest) {
      await setMilestoneStatus({ viewer: learner, milestoneId: milestone.id, status: "done" });
    }
    await Promise.all([
      setMilestoneStatus({ viewer: learner, milestoneId: last!.id, status: "skipped" }),
      setMilestoneStatus({ viewer: learner, milestoneId: secondLast!.id, status: "done" }),
    ]);
    await setMilestoneStatus({ viewer: learner, milestoneId: last!.id, status: "not_started" });
    await setMilestoneStatus({ viewer: learner, milestoneId: last!.id, status: "done" });
    const finished = (await listNotificationsForViewer({ viewer: mentor })).filter((n) => n.kind === "stage_completed");
    expect(finished).toHaveLength(1);
  });

  it("marks read only what the learner was shown", async () => {
    const { mentor, learner } = await connect();
    const [first, second] = await backendMilestones();
    await postMilestoneMessage({ viewer: mentor, learnerId: learner.id, milestoneId: first!.id, body: "One" });
    const [shown] = await listNotificationsForViewer({ viewer: learner });
    await postMilestoneMessage({ viewer: mentor, learnerId: learner.id, milestoneId: second!.id, body: "Two" });
    await markNotificationsRead({ viewer: learner, ids: [shown!.id] });
    expect(await countUnreadNotifications({ viewer: learner })).toBe(1);
  });

  it("never shows an invite's creator by email", async () => {
    const anonymous = await createUserWithoutName();
    const invite = await createInvite({ viewer: anonymous, kind: "mentor_invites_learner" });
    const preview = await getInvitePreview({ viewer: null, token: invite.token });
    expect(preview.creatorName).toBe("A Waymark member");
    expect(JSON.stringify(preview)).not.toContain(anonymous.email);
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
    const [first] = await backendMilestones();
    await expect(
      postMilestoneMessage({ viewer: mentor, learnerId: learner.id, milestoneId: first!.id, body: "Still here?" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const second = await connect();
    await endMentorship({ viewer: second.mentor, mentorshipId: second.mentorshipId });
    await expect(
      getMenteeForViewer({ viewer: second.mentor, mentorshipId: second.mentorshipId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("declining an invite", () => {
  it("spends a learner's single-use link and tells the learner; nothing is shared", async () => {
    const learner = await createLearner("Lou Learner");
    const mentor = await createLearner("Mo Mentor");
    const invite = await createInvite({ viewer: learner, kind: "learner_invites_mentor" });
    await declineInvite({ viewer: mentor, token: invite.token });

    expect(await listMentorsForViewer({ viewer: learner })).toEqual([]);
    expect(await listOpenInvitesForViewer({ viewer: learner, kind: "learner_invites_mentor" })).toEqual([]);
    expect(await getInvitePreview({ viewer: mentor, token: invite.token })).toMatchObject({ state: "declined" });
    await expect(acceptInvite({ viewer: mentor, token: invite.token })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This invite was declined. Ask for a new one.",
    });
    await expect(declineInvite({ viewer: mentor, token: invite.token })).rejects.toMatchObject({ code: "CONFLICT" });
    const [told] = await listNotificationsForViewer({ viewer: learner });
    expect(told).toMatchObject({ kind: "invite_declined", actorName: "Mo Mentor", toLearner: true });
  });

  it("leaves a mentor's reusable link open for the other learners it was sent to", async () => {
    const mentor = await createLearner();
    const [declining, accepting] = [await createLearner(), await createLearner()];
    const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
    await declineInvite({ viewer: declining, token: invite.token });
    expect(await listMentorsForViewer({ viewer: declining })).toEqual([]);
    await acceptInvite({ viewer: accepting, token: invite.token });
    expect(await listMentorsForViewer({ viewer: accepting })).toHaveLength(1);
    expect((await listNotificationsForViewer({ viewer: mentor })).map((n) => n.kind)).toEqual(["invite_accepted"]);
  });

  it("refuses the creator, and a link that isn't one", async () => {
    const learner = await createLearner();
    const invite = await createInvite({ viewer: learner, kind: "learner_invites_mentor" });
    await expect(declineInvite({ viewer: learner, token: invite.token })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(declineInvite({ viewer: learner, token: "not-a-real-token" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await getInvitePreview({ viewer: null, token: invite.token })).toMatchObject({ state: "open" });
  });
});

describe("ending a mentorship", () => {
  it("tells the other side, whichever side ends it", async () => {
    const byLearner = await connect();
    await endMentorship({ viewer: byLearner.learner, mentorshipId: byLearner.mentorshipId });
    const [toMentor] = await listNotificationsForViewer({ viewer: byLearner.mentor });
    expect(toMentor).toMatchObject({
      kind: "mentorship_ended",
      actorName: "Leo Learner",
      learnerName: "Leo Learner",
      toLearner: false,
      unread: true,
    });
    expect((await listNotificationsForViewer({ viewer: byLearner.learner })).map((n) => n.kind)).toEqual([]);

    const byMentor = await connect();
    await endMentorship({ viewer: byMentor.mentor, mentorshipId: byMentor.mentorshipId });
    const [toLearner] = await listNotificationsForViewer({ viewer: byMentor.learner });
    expect(toLearner).toMatchObject({ kind: "mentorship_ended", actorName: "Maya Mentor", toLearner: true });
    expect((await listNotificationsForViewer({ viewer: byMentor.mentor })).map((n) => n.kind)).toEqual([
      "invite_accepted",
    ]);
  });

  it("leaves earlier notifications as they were written: the mentor's stays a mentor's", async () => {
    const { mentor, learner, mentorshipId } = await connect();
    const asWritten = (await listNotificationsForViewer({ viewer: mentor }))[0]!;
    expect(asWritten).toMatchObject({ kind: "invite_accepted", toLearner: false, mentorshipId });
    await endMentorship({ viewer: learner, mentorshipId });
    const afterwards = (await listNotificationsForViewer({ viewer: mentor })).find((n) => n.id === asWritten.id);
    // Only the link goes: the mentee page is closed to a former mentor.
    expect(afterwards).toEqual({ ...asWritten, mentorshipId: null });
  });
});

describe("which mentorship links the header shows", () => {
  it("follows current mentorships and open invite links on each side", async () => {
    const sides = async (viewer: Awaited<ReturnType<typeof createLearner>>) =>
      (await getSessionViewer(await signInSession(viewer)))!.mentorshipSides;
    const newcomer = await createLearner();
    expect(await sides(newcomer)).toEqual({ asLearner: false, asMentor: false });

    const { mentor, learner, mentorshipId } = await connect();
    expect(await sides(mentor)).toEqual({ asLearner: false, asMentor: true });
    expect(await sides(learner)).toEqual({ asLearner: true, asMentor: false });
    await endMentorship({ viewer: learner, mentorshipId });
    expect(await sides(mentor)).toEqual({ asLearner: false, asMentor: true });
    await revokeInvite({
      viewer: mentor,
      inviteId: (await listOpenInvitesForViewer({ viewer: mentor, kind: "mentor_invites_learner" }))[0]!.id,
    });
    expect(await sides(mentor)).toEqual({ asLearner: false, asMentor: false });
    expect(await sides(learner)).toEqual({ asLearner: false, asMentor: false });

    await createInvite({ viewer: newcomer, kind: "learner_invites_mentor" });
    expect(await sides(newcomer)).toEqual({ asLearner: true, asMentor: false });
  });
});

describe("editing and deleting a feedback message", () => {
  /** A mentor's feedback and the learner's reply on the first milestone. */
  async function conversation() {
    const connected = await connect();
    const { mentor, learner } = connected;
    const [first] = await backendMilestones();
    const milestoneId = first!.id;
    const feedback = await postMilestoneMessage({
      viewer: mentor,
      learnerId: learner.id,
      milestoneId,
      body: "Try a JOIN",
    });
    const reply = await postMilestoneMessage({
      viewer: learner,
      learnerId: learner.id,
      milestoneId,
      mentorId: mentor.id,
      body: "Will do",
    });
    const thread = async () =>
      (await getMilestoneFeedback({ viewer: learner, learnerId: learner.id })).threads[milestoneId]?.[0]?.messages ??
      [];
    return { ...connected, milestoneId, feedback, reply, thread };
  }

  it("lets each author edit their own message, which then shows as edited", async () => {
    const { mentor, learner, feedback, reply, thread } = await conversation();
    const edited = await editMilestoneMessage({
      viewer: mentor,
      messageId: feedback.id,
      body: "  Try a **LEFT JOIN**  ",
    });
    expect(edited.body).toBe("Try a **LEFT JOIN**");
    expect(edited.editedAt).toBeInstanceOf(Date);
    await editMilestoneMessage({ viewer: learner, messageId: reply.id, body: "Done, thanks" });
    const messages = await thread();
    expect(messages.map((message) => [message.body, message.editedAt !== null])).toEqual([
      ["Try a **LEFT JOIN**", true],
      ["Done, thanks", true],
    ]);
    await expect(editMilestoneMessage({ viewer: learner, messageId: reply.id, body: "   " })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("refuses anyone but the author, with the same not-found, and changes nothing", async () => {
    const { mentor, learner, feedback, reply, thread } = await conversation();
    const stranger = await createLearner("Sam Stranger");
    const attempts = [
      () => editMilestoneMessage({ viewer: learner, messageId: feedback.id, body: "Mine now" }),
      () => deleteMilestoneMessage({ viewer: learner, messageId: feedback.id }),
      () => editMilestoneMessage({ viewer: mentor, messageId: reply.id, body: "Mine now" }),
      () => deleteMilestoneMessage({ viewer: mentor, messageId: reply.id }),
      () => editMilestoneMessage({ viewer: stranger, messageId: feedback.id, body: "Mine now" }),
      () => deleteMilestoneMessage({ viewer: stranger, messageId: reply.id }),
      () => editMilestoneMessage({ viewer: mentor, messageId: "not-a-uuid", body: "Mine now" }),
      () => deleteMilestoneMessage({ viewer: mentor, messageId: crypto.randomUUID() }),
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "There is nothing here, or you no longer have access to it.",
      });
    }
    expect((await thread()).map((message) => [message.body, message.editedAt])).toEqual([
      ["Try a JOIN", null],
      ["Will do", null],
    ]);
  });

  it("refuses a mentor who no longer mentors the learner; the learner keeps control of their replies", async () => {
    const { mentor, learner, mentorshipId, feedback, reply, thread } = await conversation();
    await endMentorship({ viewer: learner, mentorshipId });
    await expect(
      editMilestoneMessage({ viewer: mentor, messageId: feedback.id, body: "Rewritten later" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteMilestoneMessage({ viewer: mentor, messageId: feedback.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await deleteMilestoneMessage({ viewer: learner, messageId: reply.id });
    expect((await thread()).map((message) => message.body)).toEqual(["Try a JOIN"]);
  });

  it("deletes the message and the unread notice it sent, but not one already read", async () => {
    const { mentor, learner, milestoneId, feedback, reply, thread } = await conversation();
    const [, second] = await backendMilestones();
    await markNotificationsRead({
      viewer: mentor,
      ids: (await listNotificationsForViewer({ viewer: mentor })).map((notification) => notification.id),
    });
    await deleteMilestoneMessage({ viewer: mentor, messageId: feedback.id });
    await deleteMilestoneMessage({ viewer: learner, messageId: reply.id });
    expect(await thread()).toEqual([]);
    expect(await countUnreadNotifications({ viewer: learner })).toBe(0);
    expect((await listNotificationsForViewer({ viewer: mentor })).map((notification) => notification.kind)).toEqual([
      "reply",
      "invite_accepted",
    ]);
    // Another message on another milestone keeps its notice.
    await postMilestoneMessage({ viewer: mentor, learnerId: learner.id, milestoneId: second!.id, body: "Next" });
    expect((await listUnreadFeedbackForViewer({ viewer: learner })).map((thread) => thread.milestoneId)).toEqual([
      second!.id,
    ]);
    expect(milestoneId).not.toBe(second!.id);
  });
});

describe("unread feedback", () => {
  it("lists each side's unread threads with a link into them, until opened", async () => {
    const { mentor, learner, mentorshipId } = await connect();
    const [first, second] = await backendMilestones();
    await postMilestoneMessage({ viewer: mentor, learnerId: learner.id, milestoneId: first!.id, body: "One" });
    await postMilestoneMessage({ viewer: mentor, learnerId: learner.id, milestoneId: first!.id, body: "Two" });
    await postMilestoneMessage({ viewer: mentor, learnerId: learner.id, milestoneId: second!.id, body: "Three" });
    await postMilestoneMessage({
      viewer: learner,
      learnerId: learner.id,
      milestoneId: first!.id,
      mentorId: mentor.id,
      body: "Thanks",
    });

    const forLearner = await listUnreadFeedbackForViewer({ viewer: learner });
    expect(
      forLearner.map(({ milestoneId, from, menteeName, href }) => ({ milestoneId, from, menteeName, href })),
    ).toEqual([
      {
        milestoneId: second!.id,
        from: ["Maya Mentor"],
        menteeName: null,
        href: `/roadmaps/backend-developer#feedback-${second!.id}`,
      },
      {
        milestoneId: first!.id,
        from: ["Maya Mentor"],
        menteeName: null,
        href: `/roadmaps/backend-developer#feedback-${first!.id}`,
      },
    ]);
    expect(await listUnreadFeedbackForViewer({ viewer: mentor })).toMatchObject([
      { milestoneId: first!.id, menteeName: "Leo Learner", href: `/mentees/${mentorshipId}#feedback-${first!.id}` },
    ]);

    expect(await markFeedbackRead({ viewer: learner, learnerId: learner.id, milestoneId: first!.id })).toBe(2);
    expect((await listUnreadFeedbackForViewer({ viewer: learner })).map((thread) => thread.milestoneId)).toEqual([
      second!.id,
    ]);
    // Marking reads only the viewer's own notices.
    expect(await markFeedbackRead({ viewer: mentor, learnerId: learner.id, milestoneId: second!.id })).toBe(0);
    expect(await countUnreadNotifications({ viewer: learner })).toBe(1);

    await endMentorship({ viewer: learner, mentorshipId });
    expect(await listUnreadFeedbackForViewer({ viewer: mentor })).toEqual([]);
  });
});

describe("an id that can't name a mentorship or an invite", () => {
  it("is not found without a query, whoever asks", async () => {
    const { mentor, learner, mentorshipId } = await connect();
    const notIds = [
      "not-a-uuid",
      "",
      "\u0000",
      `${mentorshipId}\u0000`,
      `${mentorshipId}0`,
      mentorshipId.slice(1),
      "' or '1'='1",
    ];
    for (const id of notIds) {
      const lookups = {
        "mentee page": () => getMenteeForViewer({ viewer: mentor, mentorshipId: id }),
        "mentee check": () => requireMenteeAccess({ viewer: mentor, mentorshipId: id }),
        "ending it": () => endMentorship({ viewer: learner, mentorshipId: id }),
        "sharing notes": () => setNotesSharing({ viewer: learner, mentorshipId: id, shareNotes: true }),
        "withdrawing an invite": () => revokeInvite({ viewer: mentor, inviteId: id }),
      };
      for (const [lookup, run] of Object.entries(lookups)) {
        const { result, queries } = await countQueries(() =>
          run().then(
            () => "found",
            (error: unknown) => error,
          ),
        );
        expect({ id, lookup, result, queries }).toEqual({
          id,
          lookup,
          result: expect.objectContaining({ code: "NOT_FOUND" }),
          queries: 0,
        });
      }
    }
    expect((await getMenteeForViewer({ viewer: mentor, mentorshipId })).learnerName).toBe("Leo Learner");
  });
});
