/*
 * A real SMTP server for the tests: every mail the app sends arrives here over SMTP and is
 * parsed with mailparser, so tests read what a person's mail program would show.
 */
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CaughtMail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
};

export type MailCatcher = {
  port: number;
  smtpUrl: string;
  mails: CaughtMail[];
  /** While true, every mail is refused with a temporary failure, as a server that is down for a while. */
  refuse: boolean;
  /** The mails to this address so far. */
  mailsTo(address: string): CaughtMail[];
  stop(): Promise<void>;
};

function headerText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "text" in value) return String((value as { text: unknown }).text);
  if (value && typeof value === "object" && "value" in value) return String((value as { value: unknown }).value);
  return String(value);
}

export async function startMailCatcher(port = 0): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  const catcher: MailCatcher = {
    port: 0,
    smtpUrl: "",
    mails,
    refuse: false,
    mailsTo: (address) => mails.filter((mail) => mail.to.includes(address.toLowerCase())),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      if (catcher.refuse) {
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Try again later"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          const headers: Record<string, string> = {};
          for (const [key, value] of parsed.headers) headers[key] = headerText(value);
          // mailparser folds the List-* headers into one object: keep each as it was sent, unfolded.
          for (const { key, line } of parsed.headerLines) {
            if (key.startsWith("list-"))
              headers[key] = line
                .slice(key.length + 1)
                .replace(/\r?\n(?=[ \t])/g, "")
                .trim();
          }
          mails.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            messageId: parsed.messageId ?? "",
            headers,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  catcher.port = (server.server.address() as AddressInfo).port;
  catcher.smtpUrl = `smtp://127.0.0.1:${catcher.port}`;
  return catcher;
}
