import { expect } from "@playwright/test";
import type { CaughtMail } from "../mail/mail-catcher";

export const VERIFY_EMAIL_SUBJECT = "Confirm your email for Waymark";

/** Every mail the run's SMTP server has received for this address. */
export async function mailsTo(address: string): Promise<CaughtMail[]> {
  const response = await fetch(
    `http://127.0.0.1:${process.env.MAIL_CATCHER_HTTP_PORT}/mails?to=${encodeURIComponent(address)}`,
  );
  return (await response.json()) as CaughtMail[];
}

/** Waits for a mail to this address whose subject matches, and returns the newest such. */
export async function waitForMail(address: string, subject: string | RegExp): Promise<CaughtMail> {
  const matches = (mail: CaughtMail) =>
    typeof subject === "string" ? mail.subject === subject : subject.test(mail.subject);
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailsTo(address)).filter(matches).at(-1);
        return Boolean(found);
      },
      { timeout: 60_000, message: `a mail to ${address} with subject ${String(subject)}` },
    )
    .toBe(true);
  return found!;
}

/**
 * The path and query of the first link in a mail's plain text that starts with this path: the
 * browser opens it on the test server, whatever host the mail was written for.
 */
export function linkIn(mail: CaughtMail, pathname: string): string {
  for (const match of mail.text.matchAll(/https?:\/\/[^\s<>\]")]+/g)) {
    const url = new URL(match[0]);
    if (url.pathname === pathname) return `${url.pathname}${url.search}`;
  }
  throw new Error(`No link to ${pathname} in the mail "${mail.subject}"`);
}
