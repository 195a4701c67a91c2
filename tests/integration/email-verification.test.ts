import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { accountTokens, mailOutbox, users } from "@/db/schema";
import { hashAccountToken } from "@/lib/data/account-tokens";
import { checkEmailVerificationLink, confirmEmailWithToken } from "@/lib/data/email-verification";
import type { Viewer } from "@/lib/data/viewer";
import { createLearner } from "./helpers";

const HOUR = 3_600_000;

/** The link's token, as the queued mail carries it (the table holds only its hash). */
async function verificationTokenOf(viewer: Viewer): Promise<string> {
  const [mail] = await getDb()
    .select({ payload: mailOutbox.payload })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.userId, viewer.id), eq(mailOutbox.kind, "email_verification")));
  return String(mail!.payload!.token);
}

async function verifiedAt(viewer: Viewer) {
  const [row] = await getDb().select({ at: users.emailVerified }).from(users).where(eq(users.id, viewer.id));
  return row!.at;
}

describe("email verification", () => {
  it("sign-up queues one verification mail to the new address; only the token's hash is stored", async () => {
    const learner = await createLearner("Vera Verify");
    const mails = await getDb().select().from(mailOutbox).where(eq(mailOutbox.userId, learner.id));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "email_verification", toAddress: learner.email, status: "queued" });
    const token = await verificationTokenOf(learner);
    const [stored] = await getDb().select().from(accountTokens).where(eq(accountTokens.userId, learner.id));
    expect(stored!.tokenHash).toBe(hashAccountToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await verifiedAt(learner)).toBeNull();
  });

  it("the link confirms the address once; a second use says it was used", async () => {
    const learner = await createLearner();
    const token = await verificationTokenOf(learner);
    expect(await checkEmailVerificationLink(token, new Date())).toMatchObject({ ok: true, email: learner.email });
    expect(await confirmEmailWithToken({ token, now: new Date() })).toEqual({ ok: true, email: learner.email });
    expect(await verifiedAt(learner)).toBeInstanceOf(Date);
    expect(await confirmEmailWithToken({ token, now: new Date() })).toEqual({ ok: false, problem: "used" });
  });

  it("an expired or made-up link confirms nothing", async () => {
    const learner = await createLearner();
    const token = await verificationTokenOf(learner);
    const later = new Date(Date.now() + 49 * HOUR);
    expect(await confirmEmailWithToken({ token, now: later })).toEqual({ ok: false, problem: "expired" });
    for (const forged of [
      "",
      "x".repeat(43),
      `${token.slice(0, 42)}${token.endsWith("A") ? "B" : "A"}`,
      token.slice(1),
      { token },
      null,
    ]) {
      const result = await confirmEmailWithToken({ token: forged, now: new Date() });
      expect(result.ok).toBe(false);
    }
    expect(await verifiedAt(learner)).toBeNull();
  });

  it("two confirmations with one link at once: one succeeds", async () => {
    const learner = await createLearner();
    const token = await verificationTokenOf(learner);
    const results = await Promise.all([1, 2, 3].map(() => confirmEmailWithToken({ token, now: new Date() })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });
});
