import { isValidTimeZone } from "./dates";

/*
 * What a person is mailed about, and how often. Notices (feedback, a reply, a review mark, a
 * stage finished, a mentorship ended) go at once, in a daily digest, or not at all; the two
 * reminders go weekly or not at all. A topic nobody chose has its default. The lists mirror the
 * mail_topic and mail_delivery enums in db/schema.ts (lib/data checks they stay equal).
 */

export const NOTICE_TOPICS = ["feedback", "reply", "reviewed", "stage_completed", "mentorship_ended"] as const;
export const REMINDER_TOPICS = ["behind_pace", "mentor_digest"] as const;
export const MAIL_TOPICS = [...NOTICE_TOPICS, ...REMINDER_TOPICS] as const;

export type NoticeTopic = (typeof NOTICE_TOPICS)[number];
export type ReminderTopic = (typeof REMINDER_TOPICS)[number];
export type MailTopic = (typeof MAIL_TOPICS)[number];
export type MailDelivery = "immediate" | "daily" | "weekly" | "off";

export type MailPreferences = Record<MailTopic, MailDelivery>;

export const DEFAULT_MAIL_PREFERENCES: MailPreferences = {
  feedback: "immediate",
  reply: "immediate",
  reviewed: "immediate",
  // A mentor with several mentees hears of finished stages once a day rather than one by one.
  stage_completed: "daily",
  mentorship_ended: "immediate",
  behind_pace: "weekly",
  mentor_digest: "weekly",
};

const NOTICE_DELIVERIES = ["immediate", "daily", "off"] as const satisfies readonly MailDelivery[];
const REMINDER_DELIVERIES = ["weekly", "off"] as const satisfies readonly MailDelivery[];

export function isMailTopic(value: unknown): value is MailTopic {
  return typeof value === "string" && (MAIL_TOPICS as readonly string[]).includes(value);
}

export function isReminderTopic(topic: MailTopic): topic is ReminderTopic {
  return (REMINDER_TOPICS as readonly string[]).includes(topic);
}

/** What an unsubscribe link turns off: one topic, or (from a digest) every topic sent in the daily digest. */
export type UnsubscribeScope = MailTopic | "daily_digest";

export function isUnsubscribeScope(value: unknown): value is UnsubscribeScope {
  return value === "daily_digest" || isMailTopic(value);
}

/** The topics a scope covers, given what the person gets now. */
export function topicsInScope(scope: UnsubscribeScope, preferences: MailPreferences): MailTopic[] {
  if (scope !== "daily_digest") return [scope];
  return MAIL_TOPICS.filter((topic) => preferences[topic] === "daily");
}

/** How a scope is named on the unsubscribe page: "mails about review marks". */
export function describeUnsubscribeScope(scope: UnsubscribeScope): string {
  return scope === "daily_digest" ? "the daily digest" : MAIL_TOPIC_LABELS[scope].mails;
}

/** The choices a topic offers, in the order the settings show them. */
export function allowedDeliveries(topic: MailTopic): readonly MailDelivery[] {
  return isReminderTopic(topic) ? REMINDER_DELIVERIES : NOTICE_DELIVERIES;
}

/** The setting's label and hint, and what its mails are called where one can turn them off. */
export const MAIL_TOPIC_LABELS: Record<MailTopic, { label: string; hint: string; mails: string }> = {
  feedback: {
    label: "Mentor feedback",
    hint: "A mentor leaves feedback on one of your milestones.",
    mails: "mails about your mentors' feedback",
  },
  reply: { label: "A learner's reply", hint: "A mentee replies in a feedback thread.", mails: "mails about replies" },
  reviewed: {
    label: "Review marks",
    hint: "A mentor marks one of your milestones reviewed.",
    mails: "mails about review marks",
  },
  stage_completed: {
    label: "A stage finished",
    hint: "A mentee finishes a stage of their roadmap.",
    mails: "mails about finished stages",
  },
  mentorship_ended: {
    label: "A mentorship ended",
    hint: "A mentor or mentee ends your mentorship.",
    mails: "mails about ended mentorships",
  },
  behind_pace: {
    label: "Behind pace",
    hint: "On Mondays, when you're behind pace on a stage.",
    mails: "the weekly behind-pace reminder",
  },
  mentor_digest: {
    label: "Mentees needing attention",
    hint: "On Mondays, when any of your mentees needs attention.",
    mails: "the weekly mentee digest",
  },
};

export const MAIL_DELIVERY_LABELS: Record<MailDelivery, string> = {
  immediate: "At once",
  daily: "Daily digest",
  weekly: "Weekly",
  off: "Off",
};

/** A person's choices with the default filled in for every topic they never set. */
export function withDefaults(chosen: Iterable<{ topic: MailTopic; delivery: MailDelivery }>): MailPreferences {
  const preferences = { ...DEFAULT_MAIL_PREFERENCES };
  for (const { topic, delivery } of chosen) {
    if (allowedDeliveries(topic).includes(delivery)) preferences[topic] = delivery;
  }
  return preferences;
}

/**
 * The mail topic a notice belongs to. An accepted or declined invite answers something the
 * person just did themself, and they see it on their next visit: it is not mailed (null).
 */
export function topicOfNotice(kind: string): NoticeTopic | null {
  return (NOTICE_TOPICS as readonly string[]).includes(kind) ? (kind as NoticeTopic) : null;
}

/* ---------- When digests and reminders go ---------- */

/** The local hour (0–23) when daily digests and Monday reminders go out. */
export const MAIL_HOUR = 8;

/** The hour, weekday (1 Monday … 7 Sunday) and date an instant falls on in a time zone; an unknown zone counts as UTC. */
export function localClock(instant: Date, timeZone: string): { date: string; hour: number; weekday: number } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: isValidTimeZone(timeZone) ? timeZone : "UTC",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
    weekday: "short",
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  return {
    date: `${part("year")}-${part("month")}-${part("day")}`,
    hour: Number(part("hour")),
    weekday: weekdays.indexOf(part("weekday")) + 1,
  };
}

/** Whether an instant is in the digest hour where this person lives. */
export function isLocalMailHour(instant: Date, timeZone: string): boolean {
  return localClock(instant, timeZone).hour === MAIL_HOUR;
}

/** Whether an instant is Monday's reminder hour where this person lives. */
export function isLocalReminderHour(instant: Date, timeZone: string): boolean {
  const clock = localClock(instant, timeZone);
  return clock.hour === MAIL_HOUR && clock.weekday === 1;
}

/** The ISO week ("2026-W49") of a "YYYY-MM-DD" date: reminders go once in each. */
export function isoWeekOf(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, day));
  const weekday = utc.getUTCDay() || 7;
  // The week belongs to the year of its Thursday.
  utc.setUTCDate(utc.getUTCDate() + 4 - weekday);
  const weekYear = utc.getUTCFullYear();
  const week = Math.ceil(((utc.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, "0")}`;
}

/** A digest's notices, grouped by what happened, in the order the mail lists them. */
export function groupByTopic<Notice extends { kind: string }>(notices: readonly Notice[]) {
  const groups = new Map<NoticeTopic, Notice[]>();
  for (const topic of NOTICE_TOPICS) groups.set(topic, []);
  for (const notice of notices) {
    const topic = topicOfNotice(notice.kind);
    if (topic) groups.get(topic)!.push(notice);
  }
  return [...groups].flatMap(([topic, items]) => (items.length > 0 ? [{ topic, notices: items }] : []));
}
