import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { accounts, accountTokens, mailOutbox, rateLimits, users, userSessions } from "@/db/schema";
import { hashAccountToken } from "@/lib/data/account-tokens";
import { checkPasswordResetLink, requestPasswordReset, resetPassword } from "@/lib/data/password-reset";
import { hashedSubject, limitPasswordResetRequest } from "@/lib/data/rate-limits";
import { verifyCredentials } from "@/lib/data/users";
import { PASSWORD_RESET_MINUTES } from "@/lib/domain/account-links";
import { RATE_LIMITS } from "@/lib/domain/rate-limit-rules";
import { deliverMail } from "@/lib/jobs/mail-delivery";
import { parseEnv } from "@/lib/server/env";
import { createMailSender } from "@/lib/server/mail-transport";
import { startMailCatcher, type MailCatcher } from "../mail/mail-catcher";
import { createLearner, signInSession, TEST_PASSWORD, uniqueEmail } from "./helpers";

vi.hoisted(() => (process.env.LOG_LEVEL ??= "error"));
// Auth.js is not under test here: the reset actions are for signed-out people.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/server/auth", () => ({ getViewer: async () => null }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
}));

const { requestPasswordResetAction, resetPasswordAction } = await import("@/lib/actions/password-reset");

const SITE = "https://waymark.example";
const NEW_PASSWORD = "a brand new and rather long passphrase";
const MINUTE_MS = 60_000;

let catcher: MailCatcher;
beforeAll(async () => {
  catcher = await startMailCatcher();
});
afterAll(async () => {
  await catcher.stop();
});

/** The reset mails queued for this address, with their payloads. */
async function resetMailsTo(address: string) {
  return getDb()
    .select({
      id: mailOutbox.id,
      dedupeKey: mailOutbox.dedupeKey,
      userId: mailOutbox.userId,
      payload: mailOutbox.payload,
    })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.toAddress, address), eq(mailOutbox.kind, "password_reset")))
    .orderBy(mailOutbox.createdAt);
}

/** Asks for a link for this address and returns the token the mail carries. */
async function requestLink(address: string, now = new Date()): Promise<string> {
  expect(await requestPasswordReset({ email: address, now })).toEqual({ mailed: true });
  const payload = (await resetMailsTo(address)).at(-1)!.payload as { token: string };
  return payload.token;
}

async function sessionCount(userId: string): Promise<number> {
  const rows = await getDb().select({ id: userSessions.id }).from(userSessions).where(eq(userSessions.userId, userId));
  return rows.length;
}

describe("asking for a reset link", () => {
  it("for an address no account has queues nothing and issues nothing", async () => {
    const address = uniqueEmail("nobody");
    expect(await requestPasswordReset({ email: address })).toEqual({ mailed: false });
    expect(await resetMailsTo(address)).toEqual([]);
    expect(await getDb().select().from(accountTokens).where(eq(accountTokens.email, address))).toEqual([]);
  });

  it("for an account's address (in any case) queues one mail whose token is stored only as its hash", async () => {
    const learner = await createLearner("Rosa Reset");
    expect(await requestPasswordReset({ email: `  ${learner.email.toUpperCase()} ` })).toEqual({ mailed: true });
    const mails = await resetMailsTo(learner.email);
    expect(mails).toHaveLength(1);
    const { token, name } = mails[0]!.payload as { token: string; name: string };
    expect(name).toBe("Rosa Reset");
    expect(mails[0]!.userId).toBe(learner.id);

    const tokens = await getDb()
      .select()
      .from(accountTokens)
      .where(and(eq(accountTokens.userId, learner.id), eq(accountTokens.purpose, "password_reset")));
    expect(tokens).toHaveLength(1);
    expect(mails[0]!.dedupeKey).toBe(`reset:${tokens[0]!.id}`);
    expect(tokens[0]).toMatchObject({ purpose: "password_reset", tokenHash: hashAccountToken(token), usedAt: null });
    expect(JSON.stringify(tokens)).not.toContain(token);
    expect(tokens[0]!.expiresAt.getTime() - tokens[0]!.createdAt.getTime()).toBe(PASSWORD_RESET_MINUTES * MINUTE_MS);
  });
});

describe("a reset link", () => {
  it("works for 30 minutes, then says it has expired", async () => {
    const learner = await createLearner();
    const sent = new Date("2026-05-01T10:00:00Z");
    const token = await requestLink(learner.email, sent);
    const at = (minutes: number) => new Date(sent.getTime() + minutes * MINUTE_MS);
    expect(await checkPasswordResetLink({ token, now: at(29) })).toEqual({ ok: true, email: learner.email });
    expect(await checkPasswordResetLink({ token, now: at(30) })).toEqual({ ok: false, problem: "expired" });
    expect(await resetPassword({ token, newPassword: NEW_PASSWORD, now: at(31) })).toEqual({
      ok: false,
      problem: "expired",
    });
    expect(await verifyCredentials({ email: learner.email, password: TEST_PASSWORD })).not.toBeNull();
  });

  it("sets the new password once, ends every session, and is then refused as used", async () => {
    const learner = await createLearner();
    await signInSession(learner);
    await signInSession(learner);
    const token = await requestLink(learner.email);
    expect(await sessionCount(learner.id)).toBe(2);

    expect(await resetPassword({ token, newPassword: NEW_PASSWORD })).toEqual({ ok: true, email: learner.email });
    expect(await sessionCount(learner.id)).toBe(0);
    expect(await verifyCredentials({ email: learner.email, password: NEW_PASSWORD })).toMatchObject({ id: learner.id });
    expect(await verifyCredentials({ email: learner.email, password: TEST_PASSWORD })).toBeNull();

    expect(await checkPasswordResetLink({ token })).toEqual({ ok: false, problem: "used" });
    expect(await resetPassword({ token, newPassword: "yet another long passphrase" })).toEqual({
      ok: false,
      problem: "used",
    });
    expect(await verifyCredentials({ email: learner.email, password: NEW_PASSWORD })).not.toBeNull();
  });

  it("asked for twice: either works, and using one retires the other", async () => {
    const learner = await createLearner();
    const first = await requestLink(learner.email);
    const second = await requestLink(learner.email);
    expect(first).not.toBe(second);
    expect(await resetMailsTo(learner.email)).toHaveLength(2);
    expect((await checkPasswordResetLink({ token: first })).ok).toBe(true);
    expect((await checkPasswordResetLink({ token: second })).ok).toBe(true);
    expect((await resetPassword({ token: second, newPassword: NEW_PASSWORD })).ok).toBe(true);
    expect(await checkPasswordResetLink({ token: first })).toEqual({ ok: false, problem: "used" });
  });

  it("refuses a weak password with the sign-up rules' reason and stays usable", async () => {
    const learner = await createLearner();
    await signInSession(learner);
    const token = await requestLink(learner.email);
    for (const [weak, reason] of [
      ["short", /at least 8/],
      ["password123", /too common/],
      [learner.email.toUpperCase(), /email address/],
    ] as const) {
      const result = await resetPassword({ token, newPassword: weak });
      expect(result).toMatchObject({ ok: false, problem: "weak", message: expect.stringMatching(reason) });
    }
    expect(await sessionCount(learner.id)).toBe(1);
    expect((await checkPasswordResetLink({ token })).ok).toBe(true);
    expect((await resetPassword({ token, newPassword: NEW_PASSWORD })).ok).toBe(true);
  });

  it("submitted twice at once sets the password once", async () => {
    const learner = await createLearner();
    const token = await requestLink(learner.email);
    const results = await Promise.all([
      resetPassword({ token, newPassword: "the first of two passphrases" }),
      resetPassword({ token, newPassword: "the second of two passphrases" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, problem: "used" }]);
    const winner = results[0]!.ok ? "the first of two passphrases" : "the second of two passphrases";
    expect(await verifyCredentials({ email: learner.email, password: winner })).not.toBeNull();
  });

  it("refuses forged, garbled and other kinds of tokens without touching anything", async () => {
    const learner = await createLearner();
    const token = await requestLink(learner.email);
    const forged = "A".repeat(43);
    for (const candidate of [
      forged,
      token.slice(0, -1),
      `${token}x`,
      "",
      null,
      42,
      { token },
      hashAccountToken(token),
    ]) {
      expect(await checkPasswordResetLink({ token: candidate })).toEqual({ ok: false, problem: "invalid" });
      expect(await resetPassword({ token: candidate, newPassword: NEW_PASSWORD })).toEqual({
        ok: false,
        problem: "invalid",
      });
    }
    expect((await checkPasswordResetLink({ token })).ok).toBe(true);
  });

  it("opens nothing once the account's address is no longer the one it was mailed to", async () => {
    const learner = await createLearner();
    const token = await requestLink(learner.email);
    await getDb()
      .update(accountTokens)
      .set({ email: uniqueEmail("old") })
      .where(eq(accountTokens.tokenHash, hashAccountToken(token)));
    expect(await checkPasswordResetLink({ token })).toEqual({ ok: false, problem: "invalid" });
    expect(await resetPassword({ token, newPassword: NEW_PASSWORD })).toEqual({ ok: false, problem: "invalid" });
  });

  it("is mailed over SMTP, and the link in the mail resets the password", async () => {
    const learner = await createLearner("Sam Smtp");
    await requestPasswordReset({ email: learner.email });
    const [queued] = await resetMailsTo(learner.email);
    const sender = createMailSender(parseEnv({ ...process.env, SMTP_URL: catcher.smtpUrl }), () => {});
    expect(await deliverMail(queued!.id, sender, SITE)).toBe("sent");

    const [mail] = catcher.mailsTo(learner.email);
    expect(mail!.subject).toBe("Reset your Waymark password");
    const link = new URL(/https:\/\/waymark\.example\/reset-password\?token=[^\s"<>]+/.exec(mail!.text)![0]);
    const token = link.searchParams.get("token")!;
    expect((await resetPassword({ token, newPassword: NEW_PASSWORD })).ok).toBe(true);
    expect(await verifyCredentials({ email: learner.email, password: NEW_PASSWORD })).not.toBeNull();
  });
});

describe("the limits on asking", () => {
  it("past three requests an address gets no more mail for 15 minutes, and the answer never changes", async () => {
    const email = uniqueEmail("flooded");
    const start = new Date("2026-05-02T08:00:00Z");
    const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE_MS);
    const ip = (n: number) => `198.51.100.${n}`;
    for (const minute of [0, 1, 2]) {
      expect(await limitPasswordResetRequest({ ip: ip(minute), email }, at(minute))).toEqual({ mayMail: true });
    }
    expect(await limitPasswordResetRequest({ ip: ip(3), email: email.toUpperCase() }, at(3))).toEqual({
      mayMail: false,
    });
    expect(await limitPasswordResetRequest({ ip: ip(4), email }, at(14))).toEqual({ mayMail: false });
    // The window is fixed from its first request, never longer than a link lives.
    expect(RATE_LIMITS.passwordResetRequestPerEmail.windowSeconds).toBeLessThanOrEqual(PASSWORD_RESET_MINUTES * 60);
    expect(await limitPasswordResetRequest({ ip: ip(5), email }, at(15))).toEqual({ mayMail: true });
  });

  it("one network asking too often is told to wait, and its refused requests do not count against the email", async () => {
    const email = uniqueEmail("victim");
    const ip = "198.51.100.200";
    const now = new Date("2026-05-03T08:00:00Z");
    for (let n = 0; n < RATE_LIMITS.passwordResetRequestPerIp.limit; n++) {
      await limitPasswordResetRequest({ ip, email: uniqueEmail("spray") }, now);
    }
    await expect(limitPasswordResetRequest({ ip, email }, now)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    const emailKey = `${RATE_LIMITS.passwordResetRequestPerEmail.name}:${hashedSubject(email)}`;
    expect(await getDb().select().from(rateLimits).where(eq(rateLimits.key, emailKey))).toEqual([]);
  });
});

describe("the actions", () => {
  it("answer the same words for a known and an unknown address, and mail only the known one", async () => {
    const learner = await createLearner();
    const unknown = uniqueEmail("unknown");
    const known = await requestPasswordResetAction({ email: learner.email });
    const other = await requestPasswordResetAction({ email: unknown });
    expect(known).toEqual(other);
    expect(known).toMatchObject({
      ok: true,
      data: { message: expect.stringMatching(/If an account uses that address/) },
    });
    expect(await resetMailsTo(learner.email)).toHaveLength(1);
    expect(await resetMailsTo(unknown)).toEqual([]);
  });

  it("past the per-email limit still answer as ever, and queue nothing", async () => {
    const learner = await createLearner();
    const answers = [];
    for (let n = 0; n < 5; n++) answers.push(await requestPasswordResetAction({ email: learner.email }));
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(await resetMailsTo(learner.email)).toHaveLength(RATE_LIMITS.passwordResetRequestPerEmail.limit);
  });

  it("set the password and lead to sign-in without the token; a spent link is refused plainly", async () => {
    const learner = await createLearner();
    const token = await requestLink(learner.email);
    const redirected = await resetPasswordAction({ token, newPassword: NEW_PASSWORD }).catch((error: unknown) => error);
    expect(String((redirected as { digest?: string }).digest)).toMatch(
      /^NEXT_REDIRECT;[^;]*;\/sign-in\?password=reset;/,
    );
    expect(String((redirected as { digest?: string }).digest)).not.toContain(token);
    expect(await resetPasswordAction({ token, newPassword: NEW_PASSWORD })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: expect.stringMatching(/already been used/),
    });
    expect(await resetPasswordAction({ token: "A".repeat(43), newPassword: "short" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
  });
});

describe("a reset on an address nobody had confirmed", () => {
  it("confirms it, and removes GitHub or Google sign-ins someone else may have linked", async () => {
    const learner = await createLearner("Una Unconfirmed");
    await getDb()
      .insert(accounts)
      .values({ userId: learner.id, type: "oauth", provider: "github", providerAccountId: crypto.randomUUID() });
    const token = await requestLink(learner.email);
    expect((await resetPassword({ token, newPassword: NEW_PASSWORD })).ok).toBe(true);
    expect(await getDb().select().from(accounts).where(eq(accounts.userId, learner.id))).toEqual([]);
    const [row] = await getDb().select({ verified: users.emailVerified }).from(users).where(eq(users.id, learner.id));
    expect(row!.verified).toBeInstanceOf(Date);
  });

  it("keeps the sign-ins of an account whose address was already confirmed", async () => {
    const learner = await createLearner("Cora Confirmed");
    await getDb().update(users).set({ emailVerified: new Date() }).where(eq(users.id, learner.id));
    await getDb()
      .insert(accounts)
      .values({ userId: learner.id, type: "oauth", provider: "github", providerAccountId: crypto.randomUUID() });
    const token = await requestLink(learner.email);
    expect((await resetPassword({ token, newPassword: NEW_PASSWORD })).ok).toBe(true);
    expect(await getDb().select().from(accounts).where(eq(accounts.userId, learner.id))).toHaveLength(1);
  });
});
