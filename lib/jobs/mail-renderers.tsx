import "server-only";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { z } from "zod";
import type { MailKind } from "../../db/schema";
import { EmailVerificationMail } from "../../components/emails/email-verification-mail";
import { PasswordResetMail } from "../../components/emails/password-reset-mail";
import { PASSWORD_RESET_MINUTES, VERIFY_EMAIL_HOURS } from "../domain/account-links";
import { noticeRenderers } from "./notice-renderers";

export type RenderedMail = { subject: string; text: string; html: string; headers?: Record<string, string> };

export type MailContext = {
  /** The site's public address, without a trailing slash. */
  siteUrl: string;
  userId: string | null;
  to: string;
};

/** Null: the mail is no longer wanted (its topic was turned off, its address changed); it is skipped, not sent. */
export type MailRenderer = (payload: unknown, context: MailContext) => Promise<RenderedMail | null>;

/** Both parts from one React Email template: the HTML, and the plain text it reads as. */
export async function renderBoth(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

/** The payload of a mail that carries a single-use link. */
const linkPayload = z.object({ token: z.string().min(20), name: z.string().nullable() });

async function renderPasswordReset(payload: unknown, context: MailContext): Promise<RenderedMail> {
  const { token, name } = linkPayload.parse(payload);
  const resetUrl = `${context.siteUrl}/reset-password?token=${encodeURIComponent(token)}`;
  return {
    subject: "Reset your Waymark password",
    ...(await renderBoth(
      <PasswordResetMail name={name} resetUrl={resetUrl} minutes={PASSWORD_RESET_MINUTES} siteUrl={context.siteUrl} />,
    )),
  };
}

async function renderEmailVerification(payload: unknown, context: MailContext): Promise<RenderedMail> {
  const { token, name } = linkPayload.parse(payload);
  const confirmUrl = `${context.siteUrl}/verify-email?token=${encodeURIComponent(token)}`;
  return {
    subject: "Confirm your email for Waymark",
    ...(await renderBoth(
      <EmailVerificationMail
        name={name}
        confirmUrl={confirmUrl}
        hours={VERIFY_EMAIL_HOURS}
        siteUrl={context.siteUrl}
      />,
    )),
  };
}

export const mailRenderers: Partial<Record<MailKind, MailRenderer>> = {
  password_reset: renderPasswordReset,
  email_verification: renderEmailVerification,
  ...noticeRenderers,
};
