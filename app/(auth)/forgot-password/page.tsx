import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/forgot-password-form";
import { Alert } from "@/components/ui/alert";
import { PASSWORD_RESET_MINUTES } from "@/lib/domain/account-links";
import { emailIsOff, getEnv } from "@/lib/server/env";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Forgot your password?</h1>
      <p className="mb-6 text-slate-700">
        Enter the email address you sign in with, and we&apos;ll mail you a link to choose a new password. The link
        works for {PASSWORD_RESET_MINUTES} minutes.
      </p>
      {emailIsOff(getEnv()) ? (
        <Alert variant="box" className="mb-4">
          This server can&apos;t send email yet, so no reset link will arrive. Ask the people who run this Waymark to
          reset your password, or to set up email.
        </Alert>
      ) : null}
      <ForgotPasswordForm />
    </>
  );
}
