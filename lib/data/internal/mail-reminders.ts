import "server-only";
import { and, eq, exists, isNotNull } from "drizzle-orm";
import { getDb } from "../../../db/client";
import { enrollments, mentorships, users } from "../../../db/schema";
import { isLocalReminderHour, isoWeekOf, localClock, type ReminderTopic } from "../../domain/mail-preferences";
import { isCurrentMentorship } from "../access";
import { getDashboardForViewer } from "../dashboard";
import { preferencesOf } from "../mail-preferences";
import { getMenteesPageForViewer } from "../mentee-table";
import type { Viewer } from "../viewer";
import { queueMail } from "./mail-outbox";

/*
 * The two weekly reminders, run every hour: whoever's local time is Monday's mail hour is
 * checked, as the dashboard and the mentor's table would see them now. The mail's key names the
 * person and the ISO week, so however often the job runs or retries, one goes a week.
 */

type Person = Viewer & { timeZone: string };

async function dueThisHour(topic: ReminderTopic, condition: ReturnType<typeof exists>, now: Date): Promise<Person[]> {
  const people = await getDb()
    .select({ id: users.id, name: users.name, email: users.email, timeZone: users.timeZone })
    .from(users)
    .where(and(isNotNull(users.emailVerified), condition));
  const due = people.filter((person) => isLocalReminderHour(now, person.timeZone));
  const preferences = await preferencesOf(
    getDb(),
    due.map((person) => person.id),
  );
  return due.filter((person) => preferences.get(person.id)?.[topic] === "weekly");
}

async function queueReminder(person: Person, topic: ReminderTopic, now: Date, payload: Record<string, unknown>) {
  const week = isoWeekOf(localClock(now, person.timeZone).date);
  return queueMail(getDb(), {
    dedupeKey: `${topic}:${person.id}:${week}`,
    userId: person.id,
    to: person.email,
    kind: topic,
    payload,
  });
}

/** "You're behind pace on <stage>": the first stage the dashboard shows as behind, on any roadmap followed. */
export async function queueBehindPaceReminders(now = new Date()): Promise<number> {
  const db = getDb();
  const learners = await dueThisHour(
    "behind_pace",
    exists(db.select({ one: enrollments.userId }).from(enrollments).where(eq(enrollments.userId, users.id))),
    now,
  );
  let queued = 0;
  for (const learner of learners) {
    const roadmaps = await getDashboardForViewer({ viewer: learner, now });
    const behind = roadmaps.flatMap((roadmap) =>
      roadmap.pace.stages
        .filter((stage) => stage.status === "behind")
        .map((stage) => ({ roadmap, stage: roadmap.stages.find((candidate) => candidate.id === stage.id) })),
    )[0];
    if (!behind?.stage) continue;
    const id = await queueReminder(learner, "behind_pace", now, {
      roadmapTitle: behind.roadmap.title,
      roadmapSlug: behind.roadmap.slug,
      stageTitle: behind.stage.title,
    });
    if (id) queued += 1;
  }
  return queued;
}

/** "3 mentees need attention": by the same rule as the mentor's table. */
export async function queueMentorDigests(now = new Date()): Promise<number> {
  const db = getDb();
  const mentors = await dueThisHour(
    "mentor_digest",
    exists(
      db
        .select({ id: mentorships.id })
        .from(mentorships)
        .where(isCurrentMentorship({ mentorId: users.id })),
    ),
    now,
  );
  let queued = 0;
  for (const mentor of mentors) {
    const needing = new Map<string, string>();
    for (let page = 1, pages = 1; page <= pages; page += 1) {
      const { table } = await getMenteesPageForViewer({
        viewer: mentor,
        query: { sort: "name", direction: "asc", attentionOnly: true, search: "", page },
        now,
      });
      pages = table.pageCount;
      for (const row of table.rows) needing.set(row.mentorshipId, row.learnerName);
    }
    if (needing.size === 0) continue;
    const id = await queueReminder(mentor, "mentor_digest", now, {
      count: needing.size,
      names: [...needing.values()].slice(0, 5),
    });
    if (id) queued += 1;
  }
  return queued;
}
