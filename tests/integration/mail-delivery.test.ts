import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { MAIL_MAX_ATTEMPTS, queueMail } from "@/lib/data/internal/mail-outbox";
import type { Jobs } from "@/lib/jobs/jobs";
import { deliverMail } from "@/lib/jobs/mail-delivery";
import { parseEnv } from "@/lib/server/env";
import { createMailSender } from "@/lib/server/mail-transport";
import { startTestJobs } from "../mail/test-jobs";
import { startMailCatcher, type MailCatcher } from "../mail/mail-catcher";
import { createLearner } from "./helpers";

const SITE = "https://waymark.example";
const TOKEN = "a-token-long-enough-to-be-real-0123456789";

let catcher: MailCatcher;
const smtpSender = () => createMailSender(parseEnv({ ...process.env, SMTP_URL: catcher.smtpUrl }), () => {});

beforeAll(async () => {
  catcher = await startMailCatcher();
});
afterAll(async () => {
  await catcher.stop();
});

async function queueReset(to: string, userId: string | null = null, dedupeKey = `reset:${crypto.randomUUID()}`) {
  const id = await queueMail(getDb(), {
    dedupeKey,
    userId,
    to,
    kind: "password_reset",
    payload: { token: TOKEN, name: "Rosa" },
  });
  if (!id) throw new Error("not queued");
  return id;
}

const resetMailsTo = (address: string) =>
  catcher.mailsTo(address).filter((mail) => mail.subject === "Reset your Waymark password");

async function outboxRow(id: string) {
  const [row] = await getDb().select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row!;
}

describe("mail delivery", () => {
  it("the job queue sends a queued mail over SMTP, with a plain-text and an HTML part, and forgets its link", async () => {
    const learner = await createLearner("Rosa Reset");
    const id = await queueReset(learner.email, learner.id);
    const jobs: Jobs = await startTestJobs(smtpSender(), SITE);
    try {
      await jobs.wakeMailDelivery();
      // Sign-up's confirmation mail goes too; the reset is the one this test queued.
      await vi.waitFor(() => expect(resetMailsTo(learner.email)).toHaveLength(1), {
        timeout: 30_000,
        interval: 100,
      });
    } finally {
      await jobs.stop();
    }
    const [mail] = resetMailsTo(learner.email);
    expect(mail!.text).toContain(`${SITE}/reset-password?token=${TOKEN}`);
    expect(mail!.html).toContain(`${SITE}/reset-password?token=${TOKEN}`);
    expect(mail!.html).not.toMatch(/<img/i);
    expect(mail!.messageId).toBe(`<${id}@waymark.example>`);
    const row = await outboxRow(id);
    expect(row.status).toBe("sent");
    expect(row.payload).toBeNull();
  });

  it("a backlog goes out in a burst, not one mail per poll", async () => {
    const run = crypto.randomUUID();
    const addresses = Array.from({ length: 30 }, (_, index) => `burst-${index}-${run}@example.test`);
    for (const address of addresses) await queueReset(address);
    const jobs = await startTestJobs(smtpSender(), SITE);
    try {
      await jobs.wakeMailDelivery();
      // Idle workers poll every 10 s: one mail per poll would take five minutes for these.
      await vi.waitFor(
        () => expect(addresses.filter((address) => resetMailsTo(address).length === 1)).toHaveLength(30),
        {
          timeout: 60_000,
          interval: 200,
        },
      );
    } finally {
      await jobs.stop();
    }
  });

  it("a second mail for the same occasion is not queued", async () => {
    const key = `reset:${crypto.randomUUID()}`;
    await queueReset("twice@example.test", null, key);
    expect(
      await queueMail(getDb(), {
        dedupeKey: key,
        userId: null,
        to: "twice@example.test",
        kind: "password_reset",
        payload: {},
      }),
    ).toBeNull();
  });

  it("two workers delivering one mail send it once", async () => {
    const to = `both-${crypto.randomUUID()}@example.test`;
    const id = await queueReset(to);
    const sender = smtpSender();
    const results = await Promise.all([
      deliverMail(id, sender, SITE),
      deliverMail(id, sender, SITE),
      deliverMail(id, sender, SITE),
    ]);
    expect(results.filter((result) => result === "sent")).toHaveLength(1);
    expect(catcher.mailsTo(to)).toHaveLength(1);
    expect(await deliverMail(id, sender, SITE)).toBe("not-mine");
    expect(catcher.mailsTo(to)).toHaveLength(1);
  });

  it("with the SMTP server refusing, the mail stays queued with the reason and goes once it is back", async () => {
    const to = `later-${crypto.randomUUID()}@example.test`;
    const id = await queueReset(to);
    const sender = smtpSender();
    catcher.refuse = true;
    try {
      await expect(deliverMail(id, sender, SITE)).rejects.toThrow();
    } finally {
      catcher.refuse = false;
    }
    const failed = await outboxRow(id);
    expect(failed).toMatchObject({ status: "queued", attempts: 1 });
    expect(failed.lastError).toContain("Try again later");
    expect(failed.lastError).not.toContain(to);
    expect(await deliverMail(id, sender, SITE)).toBe("sent");
    expect(catcher.mailsTo(to)).toHaveLength(1);
  });

  it("the last allowed attempt marks the mail failed and drops its payload", async () => {
    const to = `never-${crypto.randomUUID()}@example.test`;
    const id = await queueReset(to);
    await getDb()
      .update(mailOutbox)
      .set({ attempts: MAIL_MAX_ATTEMPTS - 1 })
      .where(eq(mailOutbox.id, id));
    const unreachable = createMailSender(parseEnv({ ...process.env, SMTP_URL: "smtp://127.0.0.1:9" }), () => {});
    await expect(deliverMail(id, unreachable, SITE)).rejects.toThrow();
    expect(await outboxRow(id)).toMatchObject({ status: "failed", attempts: MAIL_MAX_ATTEMPTS, payload: null });
  });

  it("without SMTP_URL a mail is written to DATA_DIR/outbox, and the log names the file, not the link", async () => {
    const to = `file-${crypto.randomUUID()}@example.test`;
    const id = await queueReset(to);
    const logged: string[] = [];
    const env = parseEnv({ ...process.env, SMTP_URL: "" });
    expect(
      await deliverMail(
        id,
        createMailSender(env, (message) => logged.push(message)),
        SITE,
      ),
    ).toBe("sent");
    const outbox = path.join(env.DATA_DIR, "outbox");
    const file = readdirSync(outbox).find(
      (name) => name.includes(id.replace(/-/g, "").slice(0, 8)) || name.includes(id),
    );
    expect(file).toBeDefined();
    const eml = readFileSync(path.join(outbox, file!), "utf8");
    expect(eml).toContain(`To: ${to}`);
    expect(eml).toContain("Reset your Waymark password");
    expect(logged.join("\n")).toContain(path.join(outbox, file!));
    expect(logged.join("\n")).not.toContain(TOKEN);
  });
});
