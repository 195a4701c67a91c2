import { describe, expect, it } from "vitest";
import { mailDeliveries, mailTopics, notificationKinds } from "@/db/schema";
import {
  allowedDeliveries,
  DEFAULT_MAIL_PREFERENCES,
  groupByTopic,
  isLocalMailHour,
  isLocalReminderHour,
  isoWeekOf,
  localClock,
  MAIL_TOPICS,
  topicOfNotice,
  topicsInScope,
  withDefaults,
} from "@/lib/domain/mail-preferences";
import { noticeMailText } from "@/lib/domain/notice-mail";
import { signUnsubscribeToken, unsubscribeKey, verifyUnsubscribeToken } from "@/lib/server/unsubscribe-token";

describe("mail preferences", () => {
  it("name the same topics and deliveries as the database", () => {
    expect([...MAIL_TOPICS].sort()).toEqual([...mailTopics].sort());
    for (const topic of MAIL_TOPICS) {
      for (const delivery of allowedDeliveries(topic)) expect(mailDeliveries).toContain(delivery);
    }
  });

  it("default to feedback, replies, review marks and ended mentorships at once, finished stages daily, reminders weekly", () => {
    expect(DEFAULT_MAIL_PREFERENCES).toEqual({
      feedback: "immediate",
      reply: "immediate",
      reviewed: "immediate",
      stage_completed: "daily",
      mentorship_ended: "immediate",
      behind_pace: "weekly",
      mentor_digest: "weekly",
    });
    for (const topic of MAIL_TOPICS) expect(allowedDeliveries(topic)).toContain(DEFAULT_MAIL_PREFERENCES[topic]);
  });

  it("offer notices at once, daily or off, and reminders weekly or off", () => {
    expect(allowedDeliveries("feedback")).toEqual(["immediate", "daily", "off"]);
    expect(allowedDeliveries("behind_pace")).toEqual(["weekly", "off"]);
  });

  it("fill in defaults, and ignore a stored delivery the topic does not offer", () => {
    const preferences = withDefaults([
      { topic: "feedback", delivery: "off" },
      { topic: "reply", delivery: "weekly" },
      { topic: "mentor_digest", delivery: "immediate" },
    ]);
    expect(preferences).toMatchObject({ feedback: "off", reply: "immediate", mentor_digest: "weekly" });
  });

  it("mail every notice kind under its own topic except answers to the person's own invite", () => {
    for (const kind of notificationKinds) {
      expect(topicOfNotice(kind)).toBe(kind.startsWith("invite_") ? null : kind);
    }
  });

  it("turn off, from a digest's link, every topic that goes in the digest", () => {
    const preferences = withDefaults([{ topic: "feedback", delivery: "daily" }]);
    expect(topicsInScope("daily_digest", preferences).sort()).toEqual(["feedback", "stage_completed"]);
    expect(topicsInScope("reply", preferences)).toEqual(["reply"]);
  });

  it("group a digest's notices by topic, in the settings' order", () => {
    const groups = groupByTopic([
      { kind: "stage_completed", id: 1 },
      { kind: "feedback", id: 2 },
      { kind: "invite_accepted", id: 3 },
      { kind: "feedback", id: 4 },
    ]);
    expect(groups).toEqual([
      {
        topic: "feedback",
        notices: [
          { kind: "feedback", id: 2 },
          { kind: "feedback", id: 4 },
        ],
      },
      { topic: "stage_completed", notices: [{ kind: "stage_completed", id: 1 }] },
    ]);
  });
});

describe("when digests and reminders go", () => {
  // Monday 7 December 2026, 23:30 UTC: Tuesday 8:30 in Tokyo.
  const instant = new Date("2026-12-07T23:30:00Z");

  it("read the hour, weekday and date where the person lives", () => {
    expect(localClock(instant, "Asia/Tokyo")).toEqual({ date: "2026-12-08", hour: 8, weekday: 2 });
    expect(localClock(instant, "UTC")).toEqual({ date: "2026-12-07", hour: 23, weekday: 1 });
    expect(localClock(instant, "Not/AZone")).toEqual(localClock(instant, "UTC"));
  });

  it("pick the 8 o'clock hour in the person's zone, half-hour zones included", () => {
    expect(isLocalMailHour(instant, "Asia/Tokyo")).toBe(true);
    expect(isLocalMailHour(instant, "UTC")).toBe(false);
    expect(isLocalMailHour(new Date("2026-12-07T02:30:00Z"), "Asia/Kolkata")).toBe(true);
    expect(isLocalMailHour(new Date("2026-12-07T13:00:00Z"), "America/New_York")).toBe(true);
    expect(isLocalMailHour(new Date("2026-07-07T12:00:00Z"), "America/New_York")).toBe(true);
  });

  it("send reminders on Monday at 8 only", () => {
    expect(isLocalReminderHour(new Date("2026-12-07T08:05:00Z"), "UTC")).toBe(true);
    expect(isLocalReminderHour(instant, "Asia/Tokyo")).toBe(false);
    expect(isLocalReminderHour(new Date("2026-12-06T23:10:00Z"), "Asia/Tokyo")).toBe(true);
  });

  it("name ISO weeks, across the turn of the year", () => {
    expect(isoWeekOf("2026-12-07")).toBe("2026-W50");
    expect(isoWeekOf("2026-12-13")).toBe("2026-W50");
    expect(isoWeekOf("2027-01-01")).toBe("2026-W53");
    expect(isoWeekOf("2025-12-29")).toBe("2026-W01");
    expect(isoWeekOf("2024-01-01")).toBe("2024-W01");
  });
});

describe("the unsubscribe token", () => {
  const key = unsubscribeKey("a-secret-that-is-long-enough-for-the-tests-0123");
  const token = signUnsubscribeToken(key, "user-1", "feedback");

  it("names the person and topic it was signed for", () => {
    expect(verifyUnsubscribeToken(key, token)).toEqual({ userId: "user-1", topic: "feedback" });
    expect(verifyUnsubscribeToken(key, signUnsubscribeToken(key, "user-1", "daily_digest"))).toEqual({
      userId: "user-1",
      topic: "daily_digest",
    });
  });

  it("names nobody once tampered with, signed with another key, or malformed", () => {
    const [who, topic, signature] = token.split(".") as [string, string, string];
    const other = unsubscribeKey("another-secret-that-is-long-enough-0123456789");
    const forged = [
      `${who}.reply.${signature}`,
      `${Buffer.from("user-2").toString("base64url")}.${topic}.${signature}`,
      `${who}.${topic}.${signature.slice(0, -1)}A`,
      `${who}.${topic}`,
      `${token}.extra`,
      `${who}.nonsense.${signature}`,
      "",
      "....",
      "a".repeat(1000),
    ];
    for (const candidate of forged) expect(verifyUnsubscribeToken(key, candidate)).toBeNull();
    expect(verifyUnsubscribeToken(other, token)).toBeNull();
    expect(verifyUnsubscribeToken(key, undefined)).toBeNull();
    expect(verifyUnsubscribeToken(key, ["a", "b"])).toBeNull();
  });
});

describe("a notice's mail", () => {
  const notice = {
    kind: "feedback",
    actorName: "Maya",
    learnerName: "Leo",
    milestoneId: "3202589c-146a-49de-bab2-2c2f0723286d",
    milestoneTitle: "Learn SQL",
    stageTitle: "Foundation",
    roadmapSlug: "backend-developer",
    mentorshipId: null,
    toLearner: true,
  };

  it("opens the exact thread for feedback, and the mentee's page for a finished stage", () => {
    expect(noticeMailText(notice)).toEqual({
      summary: "Maya left feedback on “Learn SQL”",
      href: "/roadmaps/backend-developer#feedback-3202589c-146a-49de-bab2-2c2f0723286d",
      action: "Read the feedback",
    });
    expect(noticeMailText({ ...notice, kind: "reply", toLearner: false, mentorshipId: "m-1" }).href).toBe(
      "/mentees/m-1#feedback-3202589c-146a-49de-bab2-2c2f0723286d",
    );
    expect(noticeMailText({ ...notice, kind: "stage_completed", mentorshipId: "m-1" })).toMatchObject({
      summary: "Leo finished the Foundation stage",
      href: "/mentees/m-1",
    });
  });
});
