import "server-only";
import {
  claimMail,
  MAIL_MAX_ATTEMPTS,
  markMailAttemptFailed,
  markMailSent,
  markMailSkipped,
} from "../data/internal/mail-outbox";
import { releaseNoticesOfMail } from "../data/internal/notice-mails";
import type { MailSender } from "../server/mail-transport";
import { mailRenderers, type MailRenderer } from "./mail-renderers";

export type DeliveryResult = "sent" | "skipped" | "not-mine";

/** A failure's message for the outbox and the log: the transport's words, never the mail's content. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return "Unknown error";
  const code = (error as { code?: unknown }).code;
  return `${typeof code === "string" ? `${code}: ` : ""}${error.message}`.replace(/\S+@\S+/g, "<address>");
}

/**
 * Delivers one queued mail: takes it (so no other worker sends it too), renders it from its
 * payload and sends it. A failure leaves it queued and throws, so the queue tries again later;
 * the last allowed attempt marks it failed.
 */
export async function deliverMail(
  id: string,
  sender: MailSender,
  siteUrl: string,
  renderers: Partial<Record<string, MailRenderer>> = mailRenderers,
): Promise<DeliveryResult> {
  const mail = await claimMail(id);
  if (!mail) return "not-mine";
  try {
    const renderer = renderers[mail.kind];
    if (!renderer) throw new Error(`No template for mail kind ${mail.kind}`);
    const rendered = await renderer(mail.payload, { siteUrl, userId: mail.userId, to: mail.to });
    if (!rendered) {
      await releaseNoticesOfMail(mail.kind, mail.payload);
      await markMailSkipped(mail.id);
      return "skipped";
    }
    const host = new URL(siteUrl).hostname;
    await sender.send({ messageId: `<${mail.id}@${host}>`, to: mail.to, ...rendered });
  } catch (error) {
    const final = mail.attempts >= MAIL_MAX_ATTEMPTS;
    if (final) await releaseNoticesOfMail(mail.kind, mail.payload);
    await markMailAttemptFailed(mail.id, describeFailure(error), final);
    throw error;
  }
  await markMailSent(mail.id);
  return "sent";
}
