import { randomUUID } from "node:crypto";
import { eq, getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { saveMailPreferences } from "@/lib/data/mail-preferences";
import * as schema from "@/db/schema";
import {
  accounts,
  mentorships,
  milestoneMessages,
  milestoneProgress,
  progressEvents,
  roadmaps,
  sessions,
  shareLinks,
  stageTargets,
  users,
  verificationTokens,
} from "@/db/schema";
import { changePassword, deleteAccount } from "@/lib/data/account";
import { addMilestoneEvidence } from "@/lib/data/evidence";
import { getMilestoneFeedback, postMilestoneMessage, setMilestoneReviewed } from "@/lib/data/feedback";
import { acceptInvite, createInvite, endMentorship } from "@/lib/data/mentorships";
import { saveMilestoneNote } from "@/lib/data/notes";
import { limitAccountAction, limitSignInAttempt } from "@/lib/data/rate-limits";
import { listNotificationsForViewer } from "@/lib/data/notifications";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import { getSessionViewer } from "@/lib/data/sessions";
import { verifyCredentials } from "@/lib/data/users";
import type { Viewer } from "@/lib/data/viewer";
import { RATE_LIMITS } from "@/lib/domain/rate-limit-rules";
import { backendMilestones, createLearner, eventsOf, signInSession, TEST_PASSWORD, uniqueEmail } from "./helpers";

const NEW_PASSWORD = "another quite unusual passphrase";

async function createOAuthOnlyUser(): Promise<Viewer> {
  const [user] = await getDb()
    .insert(users)
    .values({ name: "Olive OAuth", email: uniqueEmail("oauth") })
    .returning({ id: users.id, name: users.name, email: users.email });
  return user!;
}

async function passwordHashOf(user: Viewer) {
  const [row] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  return row?.passwordHash;
}

describe("changing the password", () => {
  it("refuses a wrong current password and keeps the old one", async () => {
    const learner = await createLearner();
    const session = await signInSession(learner);
    const before = await passwordHashOf(learner);
    const attempt = changePassword({ viewer: learner, currentPassword: "not my password", newPassword: NEW_PASSWORD });
    await expect(attempt).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { currentPassword: ["That isn't your current password."] },
    });
    expect(await passwordHashOf(learner)).toBe(before);
    expect(await getSessionViewer(session)).not.toBeNull();
  });

  it("refuses a weak new password with the sign-up rules, on the new password's field", async () => {
    const learner = await createLearner();
    const before = await passwordHashOf(learner);
    const common = changePassword({ viewer: learner, currentPassword: TEST_PASSWORD, newPassword: "password123" });
    await expect(common).rejects.toMatchObject({ fieldErrors: { newPassword: [expect.stringMatching(/common/)] } });
    const ownEmail = changePassword({ viewer: learner, currentPassword: TEST_PASSWORD, newPassword: learner.email });
    await expect(ownEmail).rejects.toMatchObject({ fieldErrors: { newPassword: [expect.stringMatching(/email/)] } });
    expect(await passwordHashOf(learner)).toBe(before);
  });

  it("swaps the passwords and ends every session issued before, this one too", async () => {
    const learner = await createLearner();
    const thisDevice = await signInSession(learner);
    const otherDevice = await signInSession(learner);

    expect(
      await changePassword({ viewer: learner, currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }),
    ).toEqual({ replaced: true });

    expect(await passwordHashOf(learner)).toMatch(/^\$argon2id\$/);
    expect(await verifyCredentials({ email: learner.email, password: TEST_PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: learner.email, password: NEW_PASSWORD })).toMatchObject({ id: learner.id });
    expect(await getSessionViewer(thisDevice)).toBeNull();
    expect(await getSessionViewer(otherDevice)).toBeNull();
    expect(await getSessionViewer(await signInSession(learner))).toMatchObject({ viewer: { id: learner.id } });
  });

  it("lets an OAuth-only account set a first password without a current one", async () => {
    const user = await createOAuthOnlyUser();
    expect(await changePassword({ viewer: user, newPassword: NEW_PASSWORD })).toEqual({ replaced: false });
    expect(await verifyCredentials({ email: user.email, password: NEW_PASSWORD })).toMatchObject({ id: user.id });
  });
});

/** How many rows of each table in the database mention the user's id or email, anywhere in the row. */
async function rowsMentioning(user: Viewer): Promise<Record<string, number>> {
  const tables = await getDb()
    .select({ name: sql<string>`table_name` })
    .from(sql`information_schema.tables`)
    .where(sql`table_schema = 'public' and table_type = 'BASE TABLE'`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await getDb()
      .select({ count: sql<number>`count(*)::int` })
      .from(sql`${sql.identifier(name)} as t`)
      .where(sql`strpos(t::text, ${user.id}) > 0 or strpos(lower(t::text), ${user.email.toLowerCase()}) > 0`);
    counts[name] = row!.count;
  }
  return counts;
}

// Tables that never name a user: the roadmap content, and abuse limits, which hold only hashes.
const TABLES_WITHOUT_USERS = ["stages", "milestones", "rate_limits"];

/**
 * A user who is everything at once: a learner with a mentor, the mentor of another learner,
 * the creator of an invite, on the far end of set-null keys, and signed in through Auth.js.
 */
async function createEverything() {
  const user = await createLearner("Uma Leaving");
  const mentor = await createLearner("Max Mentor");
  const mentee = await createLearner("Lea Mentee");
  const formerMentor = await createLearner("Fay Former");
  const [first, second] = await backendMilestones();
  const [roadmap] = await getDb()
    .select({ id: roadmaps.id })
    .from(roadmaps)
    .where(eq(roadmaps.slug, "backend-developer"));

  // As a learner.
  await acceptInvite({
    viewer: user,
    token: (await createInvite({ viewer: mentor, kind: "mentor_invites_learner" })).token,
  });
  await setMilestoneStatus({ viewer: user, milestoneId: first!.id, status: "done" });
  await saveMilestoneNote({ viewer: user, milestoneId: first!.id, body: "Took a weekend.", baseVersion: 0 });
  await addMilestoneEvidence({ viewer: user, milestoneId: first!.id, title: "Repo", url: "https://example.test/repo" });
  await getDb().insert(stageTargets).values({ userId: user.id, stageId: first!.stageId, targetDate: "2031-01-01" });
  await getDb().insert(shareLinks).values({ token: randomUUID(), userId: user.id, roadmapId: roadmap!.id });
  const [authored] = await getDb()
    .insert(schema.roadmaps)
    .values({
      slug: `leaving-${randomUUID().slice(0, 8)}`,
      title: "Uma's roadmap",
      summary: "",
      salaryGuides: [],
      salaryCaveat: "",
      ownerId: user.id,
    })
    .returning({ id: schema.roadmaps.id });
  await getDb()
    .insert(schema.roadmapAssignments)
    .values({ roadmapId: authored!.id, learnerId: mentee.id, mentorId: user.id });
  await getDb()
    .insert(schema.roadmapVersions)
    .values({
      roadmapId: authored!.id,
      version: 1,
      content: { slug: "uma", title: "Uma's roadmap", summary: "", stages: [], salaryGuides: [], salaryCaveat: "" },
      publishedBy: user.id,
    });
  await postMilestoneMessage({ viewer: mentor, learnerId: user.id, milestoneId: first!.id, body: "Well done." });
  await postMilestoneMessage({
    viewer: user,
    learnerId: user.id,
    milestoneId: first!.id,
    mentorId: mentor.id,
    body: "Thank you!",
  });
  await setMilestoneReviewed({ viewer: mentor, learnerId: user.id, milestoneId: first!.id, reviewed: true });
  const former = await acceptInvite({
    viewer: user,
    token: (await createInvite({ viewer: formerMentor, kind: "mentor_invites_learner" })).token,
  });
  await endMentorship({ viewer: formerMentor, mentorshipId: former.mentorshipId });

  // As a mentor.
  await acceptInvite({
    viewer: mentee,
    token: (await createInvite({ viewer: user, kind: "mentor_invites_learner" })).token,
  });
  await setMilestoneStatus({ viewer: mentee, milestoneId: first!.id, status: "done" });
  await setMilestoneStatus({ viewer: mentee, milestoneId: second!.id, status: "in_progress" });
  await postMilestoneMessage({ viewer: user, learnerId: mentee.id, milestoneId: first!.id, body: "Uma's feedback." });
  await postMilestoneMessage({
    viewer: mentee,
    learnerId: mentee.id,
    milestoneId: first!.id,
    mentorId: user.id,
    body: "Lea's reply.",
  });
  await setMilestoneReviewed({ viewer: user, learnerId: mentee.id, milestoneId: first!.id, reviewed: true });
  await createInvite({ viewer: user, kind: "learner_invites_mentor" });

  // Set-null keys the app does not fill this way today, but the schema allows.
  await getDb().insert(progressEvents).values({
    userId: mentee.id,
    actorId: user.id,
    milestoneId: second!.id,
    fromStatus: "not_started",
    toStatus: "in_progress",
  });
  await getDb().insert(mentorships).values({
    mentorId: mentor.id,
    learnerId: mentee.id,
    endedAt: new Date(),
    endedById: user.id,
  });

  // Abuse limits counted against this account and its email: stored as hashes only.
  await limitSignInAttempt({ ip: "203.0.113.9", email: user.email, trustedDevice: null });
  await limitAccountAction(RATE_LIMITS.passwordCheckPerAccount, user.id);
  await saveMailPreferences({ viewer: user, preferences: { feedback: "daily" } });

  const session = await signInSession(user);

  // Auth.js's own rows.
  await getDb()
    .insert(accounts)
    .values({ userId: user.id, type: "oauth", provider: "github", providerAccountId: randomUUID() });
  await getDb()
    .insert(sessions)
    .values({ sessionToken: randomUUID(), userId: user.id, expires: new Date(Date.now() + 60_000) });
  await getDb()
    .insert(verificationTokens)
    .values({ identifier: user.email.toUpperCase(), token: randomUUID(), expires: new Date(Date.now() + 60_000) });

  return { user, session, mentor, mentee, first: first!, second: second! };
}

describe("deleting the account", () => {
  it("refuses a wrong password and removes nothing", async () => {
    const { user } = await createEverything();
    const before = await rowsMentioning(user);
    const attempt = deleteAccount({ viewer: user, password: "not my password" });
    await expect(attempt).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { password: ["That isn't your password."] },
    });
    // An account with a password can't be deleted with the email address instead.
    await expect(deleteAccount({ viewer: user, email: user.email })).rejects.toMatchObject({
      fieldErrors: { password: [expect.any(String)] },
    });
    expect(await rowsMentioning(user)).toEqual(before);
  });

  it("leaves no row in any table with the user's id or email, and keeps other people's own data", async () => {
    const { user, session, mentor, mentee, first, second } = await createEverything();
    const before = await rowsMentioning(user);
    const scanned = Object.keys(before);
    const schemaTables = (Object.values(schema) as unknown[]).flatMap((value) =>
      is(value, PgTable) ? [getTableName(value)] : [],
    );
    expect(scanned).toEqual(expect.arrayContaining(schemaTables));
    // The fixture reaches every table that can hold a user, or the scan below would prove little.
    for (const table of scanned.filter((name) => !TABLES_WITHOUT_USERS.includes(name))) {
      expect(before[table], table).toBeGreaterThan(0);
    }
    expect(await listNotificationsForViewer({ viewer: mentee })).toHaveLength(2);

    await deleteAccount({ viewer: user, password: TEST_PASSWORD });

    expect(await rowsMentioning(user)).toEqual(Object.fromEntries(scanned.map((name) => [name, 0])));
    expect(await getSessionViewer(session)).toBeNull();

    expect(await verifyCredentials({ email: mentee.email, password: TEST_PASSWORD })).toMatchObject({ id: mentee.id });
    expect(await verifyCredentials({ email: mentor.email, password: TEST_PASSWORD })).toMatchObject({ id: mentor.id });
    const progress = await getDb()
      .select({ milestoneId: milestoneProgress.milestoneId, status: milestoneProgress.status })
      .from(milestoneProgress)
      .where(eq(milestoneProgress.userId, mentee.id));
    expect(progress).toEqual(
      expect.arrayContaining([
        { milestoneId: first.id, status: "done" },
        { milestoneId: second.id, status: "in_progress" },
      ]),
    );
    const events = await eventsOf(mentee);
    expect(events).toHaveLength(3);
    expect(events.map((event) => event.actorId)).toEqual([mentee.id, mentee.id, null]);
    // The learner keeps their own words; the former mentor's feedback and mark are gone.
    const feedback = await getMilestoneFeedback({ viewer: mentee, learnerId: mentee.id });
    expect(feedback.threads[first.id]).toEqual([
      expect.objectContaining({
        mentorId: null,
        messages: [expect.objectContaining({ body: "Lea's reply.", fromLearner: true })],
      }),
    ]);
    expect(feedback.reviews).toEqual({});
    // Max's feedback was on Uma's own work, so it went with her threads.
    const mentorsMessages = await getDb()
      .select({ id: milestoneMessages.id })
      .from(milestoneMessages)
      .where(eq(milestoneMessages.authorId, mentor.id));
    expect(mentorsMessages).toEqual([]);
    // Told of feedback and a review by someone who no longer exists: the notices go with them.
    expect(await listNotificationsForViewer({ viewer: mentee })).toEqual([]);
  });

  it("asks an OAuth-only account for its email address instead of a password", async () => {
    const user = await createOAuthOnlyUser();
    const session = await signInSession(user);
    await expect(deleteAccount({ viewer: user, email: uniqueEmail() })).rejects.toMatchObject({
      fieldErrors: { email: ["That isn't your account's email address."] },
    });
    await expect(deleteAccount({ viewer: user })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await getSessionViewer(session)).not.toBeNull();

    await deleteAccount({ viewer: user, email: `  ${user.email.toUpperCase()} ` });
    expect(await getSessionViewer(session)).toBeNull();
  });
});
