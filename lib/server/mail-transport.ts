import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";
import { resolveDataDir } from "../../db/config";
import type { Env } from "./env";

export type OutgoingMail = {
  /** Stable per mail, so a receiving server can drop a copy it already has. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

export type MailSender = {
  send(mail: OutgoingMail): Promise<void>;
  /** Where mail goes, for the start log: never a password. */
  describe(): string;
};

/*
 * Without SMTP_URL a fresh clone still "sends": each mail becomes an .eml file in
 * DATA_DIR/outbox, which any mail program opens. The log names the file, never its link.
 */
export function createMailSender(env: Env, log: (message: string) => void): MailSender {
  const from = env.MAIL_FROM;
  if (env.SMTP_URL) {
    const url = new URL(env.SMTP_URL);
    const transport: Transporter = nodemailer.createTransport(env.SMTP_URL, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return {
      describe: () => `${url.protocol}//${url.hostname}:${url.port || (url.protocol === "smtps:" ? 465 : 587)}`,
      async send(mail) {
        await transport.sendMail({ from, ...mail });
      },
    };
  }
  const outbox = path.join(resolveDataDir(env), "outbox");
  const writer: Transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    describe: () => `files in ${outbox}`,
    async send(mail) {
      const { message } = (await writer.sendMail({ from, ...mail })) as { message: Buffer };
      await mkdir(outbox, { recursive: true, mode: 0o700 });
      const file = path.join(
        outbox,
        `${new Date().toISOString().replace(/[:.]/g, "-")}-${mail.messageId.replace(/[^a-z0-9-]/gi, "")}.eml`,
      );
      await writeFile(file, message, { mode: 0o600 });
      log(`A mail was written to ${file} (no SMTP_URL is set)`);
    },
  };
}
