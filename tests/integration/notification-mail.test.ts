import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { enrollments, mailOutbox, notifications, users, type MailKind } from "@/db/schema";
import { markMailSent } from "@/lib/data/internal/mail-outbox";
import { queueBehindPaceReminders, queueMentorDigests } from "@/lib/data/internal/mail-reminders";
import { queueDailyDigests } from "@/lib/data/internal/notice-mails";
import { postMilestoneMessage } from "@/lib/data/feedback";
import { getMailSettingsForViewer, saveMailPreferences, unsubscribe } from "@/lib/data/mail-preferences";
import { acceptInvite, createInvite } from "@/lib/data/mentorships";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import { markNotificationsRead } from "@/lib/data/notifications";
import type { Viewer } from "@/lib/data/viewer";
import { feedbackAnchorId } from "@/lib/domain/feedback-links";
import { isoWeekOf } from "@/lib/domain/mail-preferences";
import { deliverMail } from "@/lib/jobs/mail-delivery";
import { parseEnv } from "@/lib/server/env";
import { createMailSender } from "@/lib/server/mail-transport";
import { appUnsubscribeKey, signUnsubscribeToken, verifyUnsubscribeToken } from "@/lib/server/unsubscribe-token";
import { startTestJobs } from "../mail/test-jobs";
import { startMailCatcher, type MailCatcher } from "../mail/mail-catcher";
import { backendMilestones, createLearner } from "./helpers";

const SITE = "https://waymark.example";
const HOUR = 3_600_000;

let catcher: MailCatcher;
const smtpSender = () => createMailSender(parseEnv({ ...process.env, SMTP_URL: catcher.smtpUrl }), () => {});

beforeAll(async () => {
  catcher = await startMailCatcher();
});
afterAll(async () => {
  await catcher.stop();
});

async function verify(viewer: Viewer, timeZone = "UTC") {
  await getDb().update(users).set({ emailVerified: new Date(), timeZone }).where(eq(users.id, viewer.id));
}

/** A mentor and a learner following the Backend roadmap, both with confirmed addresses unless told. */
async function connect({ verified = true, plannedStart }: { verified?: boolean; plannedStart?: string } = {}) {
  const mentor = await createLearner("Maya Mentor");
  const learner = await createLearner("Leo Learner");
  const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
  const { mentorshipId } = await acceptInvite({ viewer: learner, token: invite.token });
  // Enrolled as a first tick enrols: through the progress writer, which keeps the summary a mentor's table reads.
  await setMilestoneStatus({ viewer: learner, milestoneId: (await backendMilestones())[5]!.id, status: "in_progress" });
  if (plannedStart) await getDb().update(enrollments).set({ plannedStart }).where(eq(enrollments.userId, learner.id));
  if (verified) {
    await verify(mentor);
    await verify(learner);
  }
  return { mentor, learner, mentorshipId };
}

async function outboxOf(viewer: Viewer, kind: MailKind) {
  return getDb()
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.userId, viewer.id), eq(mailOutbox.kind, kind)));
}

async function feedback(mentor: Viewer, learner: Viewer, index = 0, body = "Nice work: try an index next.") {
  const milestone = (await backendMilestones())[index]!;
  await postMilestoneMessage({ viewer: mentor, learnerId: learner.id, milestoneId: milestone.id, body });
  return milestone;
}

/** Today's (UTC) digest hour, 8:15 where the users of these tests live. */
function localEight(): Date {
  const at = new Date();
  at.setUTCHours(8, 15, 0, 0);
  return at;
}

/** The coming Monday, 8:15 UTC (today, if today is Monday). */
function mondayEight(): Date {
  const at = localEight();
  at.setUTCDate(at.getUTCDate() + ((8 - at.getUTCDay()) % 7));
  return at;
}

describe("a notice mailed at once", () => {
  it("is queued with the feedback for a confirmed address, and its mail links to the exact thread", async () => {
    const { mentor, learner } = await connect();
    const milestone = await feedback(mentor, learner);
    const [queued, ...others] = await outboxOf(learner, "notification");
    expect(others).toHaveLength(0);
    expect(queued).toMatchObject({ status: "queued", toAddress: learner.email });
    const [notice] = await getDb().select().from(notifications).where(eq(notifications.userId, learner.id));
    expect(notice!.mailedAt).not.toBeNull();

    expect(await deliverMail(queued!.id, smtpSender(), SITE)).toBe("sent");
    const [mail] = catcher.mailsTo(learner.email);
    expect(mail!.subject).toBe(`Maya Mentor left feedback on “${milestone.title}”`);
    const thread = `${SITE}/roadmaps/backend-developer#${feedbackAnchorId(milestone.id)}`;
    expect(mail!.text).toContain(thread);
    expect(mail!.html).toContain(thread);
    expect(mail!.headers["list-unsubscribe"]).toMatch(/^<https:\/\/waymark\.example\/api\/unsubscribe\?token=[^>]+>$/);
    expect(mail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail!.text).toContain(`${SITE}/unsubscribe?token=`);
    expect(mail!.text).toContain("Choose which mails you get");
  });

  it("is not queued for an address that isn't confirmed, nor for a topic turned off", async () => {
    const unconfirmed = await connect({ verified: false });
    await feedback(unconfirmed.mentor, unconfirmed.learner);
    expect(await outboxOf(unconfirmed.learner, "notification")).toHaveLength(0);

    const off = await connect();
    await saveMailPreferences({ viewer: off.learner, preferences: { feedback: "off" } });
    await feedback(off.mentor, off.learner);
    expect(await outboxOf(off.learner, "notification")).toHaveLength(0);
  });

  it("is skipped when its notice was read, or its topic turned off, before it went", async () => {
    const read = await connect();
    await feedback(read.mentor, read.learner);
    const [readMail] = await outboxOf(read.learner, "notification");
    const ids = (await getDb().select().from(notifications).where(eq(notifications.userId, read.learner.id))).map(
      (row) => row.id,
    );
    await markNotificationsRead({ viewer: read.learner, ids });
    expect(await deliverMail(readMail!.id, smtpSender(), SITE)).toBe("skipped");

    const turnedOff = await connect();
    await feedback(turnedOff.mentor, turnedOff.learner);
    const [offMail] = await outboxOf(turnedOff.learner, "notification");
    await saveMailPreferences({ viewer: turnedOff.learner, preferences: { feedback: "off" } });
    expect(await deliverMail(offMail!.id, smtpSender(), SITE)).toBe("skipped");
    expect(catcher.mailsTo(read.learner.email)).toHaveLength(0);
    expect(catcher.mailsTo(turnedOff.learner.email)).toHaveLength(0);
  });

  it("two workers delivering it send one mail", async () => {
    const { mentor, learner } = await connect();
    await feedback(mentor, learner);
    const [queued] = await outboxOf(learner, "notification");
    const sender = smtpSender();
    const results = await Promise.all([1, 2, 3].map(() => deliverMail(queued!.id, sender, SITE)));
    expect(results.filter((result) => result === "sent")).toHaveLength(1);
    expect(catcher.mailsTo(learner.email)).toHaveLength(1);
  });

  it("with SMTP down, the feedback is still posted, and the mail goes on a later attempt", async () => {
    const { mentor, learner } = await connect();
    const sender = smtpSender();
    catcher.refuse = true;
    try {
      await feedback(mentor, learner, 0, "Posted while mail is down");
      const [queued] = await outboxOf(learner, "notification");
      await expect(deliverMail(queued!.id, sender, SITE)).rejects.toThrow();
      expect((await outboxOf(learner, "notification"))[0]).toMatchObject({ status: "queued", attempts: 1 });
    } finally {
      catcher.refuse = false;
    }
    const [queued] = await outboxOf(learner, "notification");
    expect(await deliverMail(queued!.id, sender, SITE)).toBe("sent");
    expect(catcher.mailsTo(learner.email)).toHaveLength(1);
  });

  it("the job queue delivers it once the action wakes delivery", async () => {
    const { mentor, learner } = await connect();
    // Only this test's mail in the queue: the other tests' sign-ups each queued a confirmation mail.
    await getDb().update(mailOutbox).set({ status: "skipped" }).where(eq(mailOutbox.status, "queued"));
    const jobs = await startTestJobs(smtpSender(), SITE);
    try {
      await feedback(mentor, learner);
      await jobs.wakeMailDelivery();
      await vi.waitFor(() => expect(catcher.mailsTo(learner.email)).toHaveLength(1), {
        timeout: 30_000,
        interval: 100,
      });
    } finally {
      await jobs.stop();
    }
  });
});

describe("the daily digest", () => {
  it("gathers a person's daily notices into one mail at 8 their time, once, however often it runs", async () => {
    const { mentor, learner } = await connect();
    await saveMailPreferences({ viewer: learner, preferences: { feedback: "daily" } });
    const first = await feedback(mentor, learner, 0);
    const second = await feedback(mentor, learner, 1);
    expect(await outboxOf(learner, "notification")).toHaveLength(0);

    const eight = localEight();
    await queueDailyDigests(new Date(eight.getTime() - HOUR));
    expect(await outboxOf(learner, "notification_digest")).toHaveLength(0);
    // Two servers (or a retry) at the same hour, then a later run that day: one digest.
    await Promise.all([queueDailyDigests(eight), queueDailyDigests(eight)]);
    await queueDailyDigests(new Date(eight.getTime() + 10 * 60_000));
    const digests = await outboxOf(learner, "notification_digest");
    expect(digests).toHaveLength(1);
    const notices = await getDb().select().from(notifications).where(eq(notifications.userId, learner.id));
    expect(notices.every((notice) => notice.mailedAt !== null)).toBe(true);

    const sender = smtpSender();
    const results = await Promise.all([1, 2].map(() => deliverMail(digests[0]!.id, sender, SITE)));
    expect(results.filter((result) => result === "sent")).toHaveLength(1);
    const [mail, ...more] = catcher.mailsTo(learner.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("Your Waymark digest: 2 new notifications");
    expect(mail!.text).toContain(first.title);
    expect(mail!.text).toContain(second.title);
    expect(mail!.text).toContain(`${SITE}/roadmaps/backend-developer#${feedbackAnchorId(first.id)}`);
    expect(mail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

    // The next day's digest has nothing left to say.
    await queueDailyDigests(new Date(eight.getTime() + 24 * HOUR));
    expect(await outboxOf(learner, "notification_digest")).toHaveLength(1);
  });

  it("goes at 8 in the person's own time zone, and not to an address that isn't confirmed", async () => {
    const tokyo = await connect();
    await verify(tokyo.learner, "Asia/Tokyo");
    await saveMailPreferences({ viewer: tokyo.learner, preferences: { feedback: "daily" } });
    await feedback(tokyo.mentor, tokyo.learner);
    const eightUtc = localEight();
    await queueDailyDigests(eightUtc);
    expect(await outboxOf(tokyo.learner, "notification_digest")).toHaveLength(0);
    await queueDailyDigests(new Date(eightUtc.getTime() - 9 * HOUR));
    expect(await outboxOf(tokyo.learner, "notification_digest")).toHaveLength(1);

    const unconfirmed = await connect({ verified: false });
    await saveMailPreferences({ viewer: unconfirmed.learner, preferences: { feedback: "daily" } });
    await feedback(unconfirmed.mentor, unconfirmed.learner);
    await queueDailyDigests(eightUtc);
    expect(await outboxOf(unconfirmed.learner, "notification_digest")).toHaveLength(0);
  });
});

describe("weekly reminders", () => {
  it("tell a learner behind pace, and their mentor that a mentee needs attention, once a week", async () => {
    const { mentor, learner } = await connect({ plannedStart: "2020-01-06" });
    const monday = mondayEight();
    await queueBehindPaceReminders(new Date(monday.getTime() - 24 * HOUR));
    expect(await outboxOf(learner, "behind_pace")).toHaveLength(0);

    for (let run = 0; run < 2; run += 1) {
      await Promise.all([queueBehindPaceReminders(monday), queueMentorDigests(monday)]);
    }
    const [behind, ...moreBehind] = await outboxOf(learner, "behind_pace");
    expect(moreBehind).toHaveLength(0);
    expect(behind!.dedupeKey).toBe(`behind_pace:${learner.id}:${isoWeekOf(monday.toISOString().slice(0, 10))}`);
    const [digest, ...moreDigests] = await outboxOf(mentor, "mentor_digest");
    expect(moreDigests).toHaveLength(0);

    const sender = smtpSender();
    expect(await deliverMail(behind!.id, sender, SITE)).toBe("sent");
    expect(await deliverMail(digest!.id, sender, SITE)).toBe("sent");
    const [pace] = catcher.mailsTo(learner.email);
    expect(pace!.subject).toMatch(/^You're behind pace on /);
    expect(pace!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const [attention] = catcher.mailsTo(mentor.email);
    expect(attention!.subject).toBe("1 mentee needs attention");
    expect(attention!.text).toContain("Leo Learner");

    // The next Monday is a new week.
    await queueBehindPaceReminders(new Date(monday.getTime() + 7 * 24 * HOUR));
    expect(await outboxOf(learner, "behind_pace")).toHaveLength(2);
  });

  it("are not sent to whoever turned them off", async () => {
    const { mentor, learner } = await connect({ plannedStart: "2020-01-06" });
    await saveMailPreferences({ viewer: learner, preferences: { behind_pace: "off" } });
    await saveMailPreferences({ viewer: mentor, preferences: { mentor_digest: "off" } });
    const monday = mondayEight();
    await Promise.all([queueBehindPaceReminders(monday), queueMentorDigests(monday)]);
    expect(await outboxOf(learner, "behind_pace")).toHaveLength(0);
    expect(await outboxOf(mentor, "mentor_digest")).toHaveLength(0);
  });
});

describe("unsubscribing", () => {
  it("a signed token turns its topic off; a tampered one names nobody", async () => {
    const learner = await createLearner();
    const key = appUnsubscribeKey();
    const token = signUnsubscribeToken(key, learner.id, "feedback");
    const signed = verifyUnsubscribeToken(key, token);
    expect(signed).toEqual({ userId: learner.id, topic: "feedback" });
    const other = await createLearner();
    const [who, , signature] = token.split(".");
    expect(verifyUnsubscribeToken(key, `${who}.reply.${signature}`)).toBeNull();
    expect(
      verifyUnsubscribeToken(key, `${Buffer.from(other.id).toString("base64url")}.feedback.${signature}`),
    ).toBeNull();

    expect(await unsubscribe({ userId: signed!.userId, scope: signed!.topic })).toBe(true);
    const { preferences } = await getMailSettingsForViewer({ viewer: learner });
    expect(preferences).toMatchObject({ feedback: "off", reply: "immediate" });
    expect((await getMailSettingsForViewer({ viewer: other })).preferences.feedback).toBe("immediate");
  });

  it("a digest's link turns off every topic sent in the digest; an account that is gone is refused", async () => {
    const learner = await createLearner();
    await saveMailPreferences({ viewer: learner, preferences: { feedback: "daily" } });
    expect(await unsubscribe({ userId: learner.id, scope: "daily_digest" })).toBe(true);
    expect((await getMailSettingsForViewer({ viewer: learner })).preferences).toMatchObject({
      feedback: "off",
      stage_completed: "off",
      reply: "immediate",
      behind_pace: "weekly",
    });
    expect(await unsubscribe({ userId: "no-such-user", scope: "feedback" })).toBe(false);
  });

  it("a sent notice mail is not queued again for the same notice", async () => {
    const { mentor, learner } = await connect();
    await feedback(mentor, learner);
    const [queued] = await outboxOf(learner, "notification");
    await markMailSent(queued!.id);
    await queueDailyDigests(localEight());
    expect(await outboxOf(learner, "notification_digest")).toHaveLength(0);
  });
});

describe("a notice mail that can't go", () => {
  it("skipped when its turn came (the address no longer confirmed), leaves its notice for a later digest", async () => {
    const { mentor, learner } = await connect();
    await feedback(mentor, learner);
    const [queued] = await outboxOf(learner, "notification");
    await getDb().update(users).set({ emailVerified: null }).where(eq(users.id, learner.id));
    expect(await deliverMail(queued!.id, smtpSender(), SITE)).toBe("skipped");
    const [notice] = await getDb()
      .select({ mailedAt: notifications.mailedAt })
      .from(notifications)
      .where(eq(notifications.userId, learner.id));
    expect(notice!.mailedAt).toBeNull();
  });
});
