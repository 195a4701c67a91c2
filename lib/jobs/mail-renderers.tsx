import "server-only";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { z } from "zod";
import type { MailKind } from "../../db/schema";
import { EmailChangedMail } from "../../components/emails/email-changed-mail";
import { EmailVerificationMail } from "../../components/emails/email-verification-mail";
import { PasswordResetMail } from "../../components/emails/password-reset-mail";
import { SignUpAttemptMail } from "../../components/emails/sign-up-attempt-mail";
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

/** Mails queued before a change of address was possible carry no flag: they are for the sign-up address. */
const verificationPayload = linkPayload.extend({ change: z.boolean().default(false) });

async function renderEmailVerification(payload: unknown, context: MailContext): Promise<RenderedMail> {
  const { token, name, change } = verificationPayload.parse(payload);
  const confirmUrl = `${context.siteUrl}/verify-email?token=${encodeURIComponent(token)}`;
  return {
    subject: "Confirm your email for Waymark",
    ...(await renderBoth(
      <EmailVerificationMail
        name={name}
        confirmUrl={confirmUrl}
        hours={VERIFY_EMAIL_HOURS}
        siteUrl={context.siteUrl}
        change={change}
      />,
    )),
  };
}

const namePayload = z.object({ name: z.string().nullable() });

async function renderSignUpAttempt(payload: unknown, context: MailContext): Promise<RenderedMail> {
  const { name } = namePayload.parse(payload);
  return {
    subject: "Someone tried to create an account with your address",
    ...(await renderBoth(
      <SignUpAttemptMail
        name={name}
        signInUrl={`${context.siteUrl}/sign-in`}
        resetUrl={`${context.siteUrl}/forgot-password`}
        siteUrl={context.siteUrl}
      />,
    )),
  };
}

async function renderEmailChanged(payload: unknown, context: MailContext): Promise<RenderedMail> {
  const { name, newEmail } = namePayload.extend({ newEmail: z.string() }).parse(payload);
  return {
    subject: `Your Waymark address was changed to ${newEmail}`,
    ...(await renderBoth(<EmailChangedMail name={name} newEmail={newEmail} siteUrl={context.siteUrl} />)),
  };
}

export const mailRenderers: Partial<Record<MailKind, MailRenderer>> = {
  password_reset: renderPasswordReset,
  email_verification: renderEmailVerification,
  sign_up_attempt: renderSignUpAttempt,
  email_changed: renderEmailChanged,
  ...noticeRenderers,
};
