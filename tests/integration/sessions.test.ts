import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { countQueries } from "@/db/query-count";
import { userSessions, users } from "@/db/schema";
import {
  endAllSessions,
  endOtherSessions,
  endSessionForViewer,
  endSignedOutSession,
  getSessionViewer,
  listSessionsForViewer,
  startSession,
} from "@/lib/data/sessions";
import {
  SESSION_ABSOLUTE_LIFETIME_MS,
  SESSION_IDLE_LIFETIME_MS,
  SESSION_LAST_SEEN_REFRESH_MS,
} from "@/lib/domain/session-lifetimes";
import { createLearner, FIREFOX_ON_WINDOWS, signInSession } from "./helpers";

const SAFARI_ON_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

async function lastSeenOf(sessionId: string): Promise<Date | undefined> {
  const [row] = await getDb()
    .select({ lastSeenAt: userSessions.lastSeenAt })
    .from(userSessions)
    .where(eq(userSessions.id, sessionId));
  return row?.lastSeenAt;
}

describe("sessions", () => {
  it("starts a session per sign-in, each listed as its device, this one first", async () => {
    const learner = await createLearner();
    const signedIn = new Date("2026-03-01T09:00:00Z");
    const laptop = await signInSession(learner, { userAgent: FIREFOX_ON_WINDOWS, now: signedIn });
    const phone = await signInSession(learner, { userAgent: SAFARI_ON_IPHONE, now: later(signedIn, DAY_MS) });
    const now = later(signedIn, 2 * DAY_MS);

    expect(laptop.sessionId).not.toBe(phone.sessionId);
    expect(await getSessionViewer({ ...laptop, now })).toMatchObject({ viewer: { id: learner.id } });
    expect(await getSessionViewer({ ...phone, now })).toMatchObject({ viewer: { id: learner.id } });
    expect(await listSessionsForViewer({ viewer: learner, currentSessionId: phone.sessionId, now })).toEqual([
      {
        id: phone.sessionId,
        device: "Safari on iOS",
        signedInAt: later(signedIn, DAY_MS),
        lastActiveAt: now,
        current: true,
      },
      { id: laptop.sessionId, device: "Firefox on Windows", signedInAt: signedIn, lastActiveAt: now, current: false },
    ]);
  });

  it("keeps only the first 512 characters of a user agent", async () => {
    const learner = await createLearner();
    const { sessionId } = await signInSession(learner, { userAgent: `${FIREFOX_ON_WINDOWS} ${"x".repeat(2000)}` });
    const [row] = await getDb()
      .select({ userAgent: userSessions.userAgent })
      .from(userSessions)
      .where(eq(userSessions.id, sessionId));
    expect(row?.userAgent).toHaveLength(512);
    expect(row?.userAgent?.startsWith(FIREFOX_ON_WINDOWS)).toBe(true);
  });

  it("signing out ends that session only, at once", async () => {
    const learner = await createLearner();
    const laptop = await signInSession(learner);
    const phone = await signInSession(learner);

    await endSignedOutSession(laptop);

    expect(await getSessionViewer(laptop)).toBeNull();
    expect(await getSessionViewer(phone)).toMatchObject({ viewer: { id: learner.id } });
    // A second sign-out of the same cookie finds nothing to do, and says nothing.
    await expect(endSignedOutSession(laptop)).resolves.toBeUndefined();
  });

  it("signs one device out from another", async () => {
    const learner = await createLearner();
    const laptop = await signInSession(learner);
    const phone = await signInSession(learner);

    await endSessionForViewer({ viewer: learner, sessionId: phone.sessionId });

    expect(await getSessionViewer(phone)).toBeNull();
    expect(await getSessionViewer(laptop)).toMatchObject({ viewer: { id: learner.id } });
    expect(
      (await listSessionsForViewer({ viewer: learner, currentSessionId: laptop.sessionId })).map((s) => s.id),
    ).toEqual([laptop.sessionId]);
    await expect(endSessionForViewer({ viewer: learner, sessionId: phone.sessionId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses another user's session as not found, and changes nothing", async () => {
    const owner = await createLearner();
    const stranger = await createLearner();
    const ownerSession = await signInSession(owner);

    const attempt = endSessionForViewer({ viewer: stranger, sessionId: ownerSession.sessionId });
    const unknown = endSessionForViewer({ viewer: stranger, sessionId: "no-such-session" });
    await expect(attempt).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [refusal, unknownRefusal] = await Promise.allSettled([attempt, unknown]);
    expect(refusal).toEqual(unknownRefusal);

    await endOtherSessions({ viewer: stranger, currentSessionId: "anything" });
    await endAllSessions({ viewer: stranger });
    await endSignedOutSession({ userId: stranger.id, sessionId: ownerSession.sessionId });
    expect(await getSessionViewer(ownerSession)).toMatchObject({ viewer: { id: owner.id } });
    expect(await listSessionsForViewer({ viewer: stranger, currentSessionId: ownerSession.sessionId })).toEqual([]);
  });

  it("does not accept one user's session id with another user's id", async () => {
    const owner = await createLearner();
    const stranger = await createLearner();
    const { sessionId } = await signInSession(owner);
    expect(await getSessionViewer({ userId: stranger.id, sessionId })).toBeNull();
    expect(await getSessionViewer({ userId: owner.id, sessionId: "" })).toBeNull();
  });

  it("signs out everywhere else, keeping this device", async () => {
    const learner = await createLearner();
    const laptop = await signInSession(learner);
    const phone = await signInSession(learner);
    const tablet = await signInSession(learner);

    await endOtherSessions({ viewer: learner, currentSessionId: laptop.sessionId });

    expect(await getSessionViewer(laptop)).toMatchObject({ viewer: { id: learner.id } });
    expect(await getSessionViewer(phone)).toBeNull();
    expect(await getSessionViewer(tablet)).toBeNull();
  });

  it("signs out everywhere, this device too", async () => {
    const learner = await createLearner();
    const laptop = await signInSession(learner);
    const phone = await signInSession(learner);

    await endAllSessions({ viewer: learner });

    expect(await getSessionViewer(laptop)).toBeNull();
    expect(await getSessionViewer(phone)).toBeNull();
  });

  it("treats a deleted account's session as signed out", async () => {
    const learner = await createLearner();
    const session = await signInSession(learner);
    await getDb().delete(users).where(eq(users.id, learner.id));
    expect(await getSessionViewer(session)).toBeNull();
  });

  it("ends a session left unused for the idle lifetime, and keeps one in use alive", async () => {
    const learner = await createLearner();
    const signedIn = new Date("2026-03-01T09:00:00Z");
    const forgotten = await signInSession(learner, { now: signedIn });
    const used = await signInSession(learner, { now: signedIn });

    const justBefore = later(signedIn, SESSION_IDLE_LIFETIME_MS - MINUTE_MS);
    expect(await getSessionViewer({ ...used, now: justBefore })).not.toBeNull();
    const justAfter = later(signedIn, SESSION_IDLE_LIFETIME_MS + MINUTE_MS);
    expect(await getSessionViewer({ ...forgotten, now: justAfter })).toBeNull();
    expect(await getSessionViewer({ ...used, now: justAfter })).not.toBeNull();
    expect(
      await getSessionViewer({ ...used, now: later(justBefore, SESSION_IDLE_LIFETIME_MS + MINUTE_MS) }),
    ).toBeNull();
    expect(
      (await listSessionsForViewer({ viewer: learner, currentSessionId: used.sessionId, now: justAfter })).map(
        (s) => s.id,
      ),
    ).toEqual([used.sessionId]);
  });

  it("ends every session at the absolute lifetime, however busy", async () => {
    const learner = await createLearner();
    const signedIn = new Date("2026-03-01T09:00:00Z");
    const session = await signInSession(learner, { now: signedIn });

    for (let day = 10; day * DAY_MS < SESSION_ABSOLUTE_LIFETIME_MS; day += 10) {
      expect(await getSessionViewer({ ...session, now: later(signedIn, day * DAY_MS) })).not.toBeNull();
    }
    const justBefore = later(signedIn, SESSION_ABSOLUTE_LIFETIME_MS - MINUTE_MS);
    expect(await getSessionViewer({ ...session, now: justBefore })).not.toBeNull();
    expect(await getSessionViewer({ ...session, now: later(signedIn, SESSION_ABSOLUTE_LIFETIME_MS + 1) })).toBeNull();
  });

  it("checks a session in one statement, writing its last-seen time only once it is a few minutes old", async () => {
    const learner = await createLearner();
    const signedIn = new Date("2026-03-01T09:00:00Z");
    const session = await signInSession(learner, { now: signedIn });

    const soon = later(signedIn, SESSION_LAST_SEEN_REFRESH_MS - MINUTE_MS);
    const quiet = await countQueries(() => getSessionViewer({ ...session, now: soon }));
    expect(quiet).toMatchObject({ queries: 1, result: { viewer: { id: learner.id }, unreadNotifications: 0 } });
    expect(await lastSeenOf(session.sessionId)).toEqual(signedIn);

    const afterAWhile = later(signedIn, SESSION_LAST_SEEN_REFRESH_MS + MINUTE_MS);
    const touching = await countQueries(() => getSessionViewer({ ...session, now: afterAWhile }));
    expect(touching).toMatchObject({ queries: 1, result: { viewer: { id: learner.id } } });
    expect(await lastSeenOf(session.sessionId)).toEqual(afterAWhile);
  });
});

describe("a sign-in's session id", () => {
  it("is new for every sign-in, even of the same user at the same moment", async () => {
    const learner = await createLearner();
    const now = new Date();
    const ids = await Promise.all([1, 2, 3].map(() => startSession({ userId: learner.id, userAgent: null, now })));
    expect(new Set(ids).size).toBe(3);
    expect((await listSessionsForViewer({ viewer: learner, currentSessionId: ids[0]!, now }))[0]).toMatchObject({
      device: "Unknown device",
      current: true,
    });
  });
});
