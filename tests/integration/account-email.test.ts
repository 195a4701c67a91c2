import { and, asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { mailOutbox, users, type MailKind } from "@/db/schema";
import { changePassword } from "@/lib/data/account";
import { changeName } from "@/lib/data/account-profile";
import {
  cancelEmailChange,
  confirmEmailWithToken,
  getEmailStatusForViewer,
  requestEmailChange,
  resendEmailChange,
  resendVerificationMail,
} from "@/lib/data/email-verification";
import { requestPasswordReset, resetPassword } from "@/lib/data/password-reset";
import { endAllSessions, endOtherSessions, getSessionViewer } from "@/lib/data/sessions";
import { createUserWithPassword, verifyCredentials } from "@/lib/data/users";
import type { Viewer } from "@/lib/data/viewer";
import { deliverMail } from "@/lib/jobs/mail-delivery";
import { parseEnv } from "@/lib/server/env";
import { createMailSender } from "@/lib/server/mail-transport";
import { startMailCatcher, type MailCatcher } from "../mail/mail-catcher";
import { createLearner, signInSession, TEST_PASSWORD, uniqueEmail } from "./helpers";

const SITE = "https://waymark.example";
const HOUR = 3_600_000;

let catcher: MailCatcher;

beforeAll(async () => {
  catcher = await startMailCatcher();
});
afterAll(async () => {
  await catcher.stop();
});
afterEach(() => {
  vi.useRealTimers();
});

async function mailsOf(userId: string, kind: MailKind) {
  return getDb()
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.userId, userId), eq(mailOutbox.kind, kind)))
    .orderBy(asc(mailOutbox.createdAt));
}

/** The newest verification link mailed to this address for this account. */
async function linkTokenTo(userId: string, address: string): Promise<string> {
  const mails = (await mailsOf(userId, "email_verification")).filter((mail) => mail.toAddress === address);
  const token = mails.at(-1)?.payload?.token;
  if (typeof token !== "string") throw new Error(`no link mailed to ${address}`);
  return token;
}

async function confirmOwnAddress(viewer: Viewer) {
  const result = await confirmEmailWithToken({ token: await linkTokenTo(viewer.id, viewer.email), now: new Date() });
  expect(result.ok).toBe(true);
}

async function userRow(viewer: Viewer) {
  const [row] = await getDb().select().from(users).where(eq(users.id, viewer.id));
  return row!;
}

/** Sends one queued mail through the real SMTP path and returns it as received. */
async function deliver(id: string, to: string) {
  const sender = createMailSender(parseEnv({ ...process.env, SMTP_URL: catcher.smtpUrl }), () => {});
  expect(await deliverMail(id, sender, SITE)).toBe("sent");
  await vi.waitFor(() => expect(catcher.mailsTo(to).length).toBeGreaterThan(0), { timeout: 10_000, interval: 50 });
  return catcher.mailsTo(to).at(-1)!;
}

const errorOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe("the banner's resend", () => {
  it("queues a new link for an unconfirmed address, five an hour per account, and nothing once confirmed", async () => {
    const learner = await createLearner();
    const other = await createLearner();
    const now = new Date();
    for (let sent = 0; sent < 5; sent++) {
      expect(await resendVerificationMail({ viewer: learner, now })).toEqual({ sent: true });
    }
    expect(await mailsOf(learner.id, "email_verification")).toHaveLength(6);
    expect(await errorOf(resendVerificationMail({ viewer: learner, now }))).toMatchObject({ code: "RATE_LIMITED" });
    expect(await mailsOf(learner.id, "email_verification")).toHaveLength(6);
    // Every link sent still works, the first one too.
    const [first] = await mailsOf(learner.id, "email_verification");
    expect(await confirmEmailWithToken({ token: first!.payload!.token, now })).toMatchObject({ ok: true });
    // One account's sends are its own.
    expect(await resendVerificationMail({ viewer: other, now })).toEqual({ sent: true });
    // An hour on, the limit is over, but a confirmed address needs no link.
    expect(await resendVerificationMail({ viewer: learner, now: new Date(now.getTime() + HOUR + 1000) })).toEqual({
      sent: false,
    });
  });

  it("the session says whether the address is confirmed, in the read every request makes", async () => {
    const learner = await createLearner();
    const session = await signInSession(learner);
    expect((await getSessionViewer(session))!.emailVerified).toBe(false);
    await confirmOwnAddress(learner);
    expect((await getSessionViewer(session))!.emailVerified).toBe(true);
  });
});

describe("sign-up with an address that has an account", () => {
  it("keeps its plain answer and tells the owner once a day, at a confirmed address", async () => {
    const owner = await createLearner("Olga Owner");
    await confirmOwnAddress(owner);
    const again = () =>
      errorOf(
        createUserWithPassword({ name: "Someone", email: ` ${owner.email.toUpperCase()} `, password: TEST_PASSWORD }),
      );
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await again()).toMatchObject({
        code: "CONFLICT",
        message: "An account with this email already exists. Sign in instead.",
      });
    }
    const attempts = await mailsOf(owner.id, "sign_up_attempt");
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.toAddress).toBe(owner.email);

    const mail = await deliver(attempts[0]!.id, owner.email);
    expect(mail.subject).toBe("Someone tried to create an account with your address");
    expect(mail.text).toContain("nothing about your account changed");
    expect(mail.text).toContain(`${SITE}/sign-in`);
    expect(mail.text).toContain(`${SITE}/forgot-password`);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 24 * HOUR);
    await again();
    expect(await mailsOf(owner.id, "sign_up_attempt")).toHaveLength(2);
    // The owner's account is as it was.
    expect(await verifyCredentials({ email: owner.email, password: TEST_PASSWORD })).toMatchObject({ id: owner.id });
  });

  it("sends nothing to an address never confirmed, and a new address gets only its own link", async () => {
    const unconfirmed = await createLearner();
    await errorOf(createUserWithPassword({ name: "Someone", email: unconfirmed.email, password: TEST_PASSWORD }));
    expect(await mailsOf(unconfirmed.id, "sign_up_attempt")).toHaveLength(0);

    const fresh = await createLearner();
    expect(await mailsOf(fresh.id, "sign_up_attempt")).toHaveLength(0);
    expect(await mailsOf(fresh.id, "email_verification")).toHaveLength(1);
  });
});

describe("changing the name", () => {
  it("saves the trimmed name", async () => {
    const learner = await createLearner("Old Name");
    expect(await changeName({ viewer: learner, name: "  New Name " })).toEqual({ name: "New Name" });
    expect((await userRow(learner)).name).toBe("New Name");
  });
});

describe("changing the email address", () => {
  it("keeps the old address until the new one's link is used, then switches, confirms it and tells the old one", async () => {
    const learner = await createLearner("Mia Mover");
    await confirmOwnAddress(learner);
    const newEmail = uniqueEmail("moved");

    expect(
      await requestEmailChange({ viewer: learner, newEmail: ` ${newEmail.toUpperCase()}`, password: TEST_PASSWORD }),
    ).toEqual({ email: newEmail });
    expect((await userRow(learner)).email).toBe(learner.email);
    expect(await getEmailStatusForViewer({ viewer: learner })).toEqual({
      email: learner.email,
      verified: true,
      pendingEmail: newEmail,
    });
    expect(await verifyCredentials({ email: learner.email, password: TEST_PASSWORD })).toMatchObject({
      id: learner.id,
    });

    const link = (await mailsOf(learner.id, "email_verification")).find((mail) => mail.toAddress === newEmail)!;
    const received = await deliver(link.id, newEmail);
    expect(received.subject).toBe("Confirm your email for Waymark");
    expect(received.text).toContain("keeps its current address until you confirm this one");

    expect(await confirmEmailWithToken({ token: link.payload!.token, now: new Date() })).toEqual({
      ok: true,
      email: newEmail,
    });
    const row = await userRow(learner);
    expect(row.email).toBe(newEmail);
    expect(row.emailVerified).toBeInstanceOf(Date);
    expect(await getEmailStatusForViewer({ viewer: { ...learner, email: newEmail } })).toEqual({
      email: newEmail,
      verified: true,
      pendingEmail: null,
    });
    expect(await verifyCredentials({ email: newEmail, password: TEST_PASSWORD })).toMatchObject({ id: learner.id });
    expect(await verifyCredentials({ email: learner.email, password: TEST_PASSWORD })).toBeNull();

    const [notice] = await mailsOf(learner.id, "email_changed");
    expect(notice!.toAddress).toBe(learner.email);
    const told = await deliver(notice!.id, learner.email);
    expect(told.subject).toBe("Your Waymark address was changed to m***@example.test");
    expect(told.text).not.toContain(newEmail);
  });

  it("asks for the password, and refuses the address the account already has", async () => {
    const learner = await createLearner();
    expect(
      await errorOf(requestEmailChange({ viewer: learner, newEmail: uniqueEmail(), password: "not my password" })),
    ).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { emailPassword: ["That isn't your password."] } });
    expect(
      await errorOf(requestEmailChange({ viewer: learner, newEmail: learner.email, password: TEST_PASSWORD })),
    ).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { newEmail: ["That's already your address."] } });
    expect(await mailsOf(learner.id, "email_verification")).toHaveLength(1);
  });

  it("an address another account has gets the same answer, and its link then fails plainly", async () => {
    const learner = await createLearner();
    const holder = await createLearner();
    expect(await requestEmailChange({ viewer: learner, newEmail: holder.email, password: TEST_PASSWORD })).toEqual({
      email: holder.email,
    });
    const token = await linkTokenTo(learner.id, holder.email);
    expect(await confirmEmailWithToken({ token, now: new Date() })).toEqual({ ok: false, problem: "taken" });
    expect((await userRow(learner)).email).toBe(learner.email);
    expect((await userRow(holder)).email).toBe(holder.email);
  });

  it("an address taken by a sign-up after the request is refused when the link is used", async () => {
    const learner = await createLearner();
    const newEmail = uniqueEmail("raced");
    await requestEmailChange({ viewer: learner, newEmail, password: TEST_PASSWORD });
    await createUserWithPassword({ name: "Quick", email: newEmail, password: TEST_PASSWORD });
    const token = await linkTokenTo(learner.id, newEmail);
    expect(await confirmEmailWithToken({ token, now: new Date() })).toEqual({ ok: false, problem: "taken" });
    expect((await userRow(learner)).email).toBe(learner.email);
  });

  it("an expired link changes nothing", async () => {
    const learner = await createLearner();
    const newEmail = uniqueEmail();
    await requestEmailChange({ viewer: learner, newEmail, password: TEST_PASSWORD });
    const token = await linkTokenTo(learner.id, newEmail);
    expect(await confirmEmailWithToken({ token, now: new Date(Date.now() + 49 * HOUR) })).toEqual({
      ok: false,
      problem: "expired",
    });
    expect((await userRow(learner)).email).toBe(learner.email);
  });

  it("a new request or a cancel retires the waiting change's links; resending needs one waiting", async () => {
    const learner = await createLearner();
    const first = uniqueEmail("first");
    const second = uniqueEmail("second");
    await requestEmailChange({ viewer: learner, newEmail: first, password: TEST_PASSWORD });
    await requestEmailChange({ viewer: learner, newEmail: second, password: TEST_PASSWORD });
    expect((await getEmailStatusForViewer({ viewer: learner })).pendingEmail).toBe(second);
    const firstToken = await linkTokenTo(learner.id, first);
    expect(await confirmEmailWithToken({ token: firstToken, now: new Date() })).toEqual({ ok: false, problem: "used" });

    expect(await resendEmailChange({ viewer: learner })).toEqual({ email: second });
    expect((await mailsOf(learner.id, "email_verification")).filter((mail) => mail.toAddress === second)).toHaveLength(
      2,
    );
    await cancelEmailChange({ viewer: learner });
    expect((await getEmailStatusForViewer({ viewer: learner })).pendingEmail).toBeNull();
    const secondToken = await linkTokenTo(learner.id, second);
    expect(await confirmEmailWithToken({ token: secondToken, now: new Date() })).toEqual({
      ok: false,
      problem: "used",
    });
    expect(await errorOf(resendEmailChange({ viewer: learner }))).toMatchObject({ code: "NOT_FOUND" });
    // The sign-up link for the account's own address still works.
    await confirmOwnAddress(learner);
  });

  it("after a move, the links to the old address prove nothing; an old address never confirmed is not told", async () => {
    const learner = await createLearner();
    const signUpToken = await linkTokenTo(learner.id, learner.email);
    const newEmail = uniqueEmail();
    await requestEmailChange({ viewer: learner, newEmail, password: TEST_PASSWORD });
    await confirmEmailWithToken({ token: await linkTokenTo(learner.id, newEmail), now: new Date() });
    expect(await confirmEmailWithToken({ token: signUpToken, now: new Date() })).toEqual({
      ok: false,
      problem: "used",
    });
    expect((await userRow(learner)).email).toBe(newEmail);
    expect(await mailsOf(learner.id, "email_changed")).toHaveLength(0);
  });

  it("an account without a password changes its address without one", async () => {
    const [oauthOnly] = await getDb()
      .insert(users)
      .values({ name: "Gita Hub", email: uniqueEmail("oauth") })
      .returning({ id: users.id, name: users.name, email: users.email });
    const newEmail = uniqueEmail();
    expect(await requestEmailChange({ viewer: oauthOnly!, newEmail })).toEqual({ email: newEmail });
  });
});

describe("a change of address waiting for its link, after the owner takes the account back", () => {
  const takeBack = {
    "changing the password": (viewer: Viewer) =>
      changePassword({ viewer, currentPassword: TEST_PASSWORD, newPassword: "another long and unusual passphrase" }),
    "signing out everywhere": (viewer: Viewer) => endAllSessions({ viewer }),
    "signing out everywhere else": async (viewer: Viewer) =>
      endOtherSessions({ viewer, currentSessionId: (await signInSession(viewer)).sessionId }),
    "resetting the password": async (viewer: Viewer) => {
      await requestPasswordReset({ email: viewer.email });
      const [mail] = (await mailsOf(viewer.id, "password_reset")).slice(-1);
      const result = await resetPassword({
        token: mail!.payload!.token,
        newPassword: "another long and unusual passphrase",
      });
      expect(result.ok).toBe(true);
    },
  };

  it.each(Object.keys(takeBack))("%s retires the link, so it can no longer move the account", async (way) => {
    const learner = await createLearner();
    await confirmOwnAddress(learner);
    const intruders = uniqueEmail("intruder");
    await requestEmailChange({ viewer: learner, newEmail: intruders, password: TEST_PASSWORD });
    const link = await linkTokenTo(learner.id, intruders);

    await takeBack[way as keyof typeof takeBack](learner);

    expect(await confirmEmailWithToken({ token: link, now: new Date() })).toMatchObject({ ok: false });
    expect((await userRow(learner)).email).toBe(learner.email);
  });
});
