import { resendVerificationMailAction } from "@/lib/actions/email-verification";
import { getSession } from "@/lib/server/auth";
import { SendLinkButton } from "./send-link-button";

/**
 * Shown on every page while the signed-in person's address is unconfirmed. It reads the
 * session the header already read for this request, so it costs no query of its own. One line
 * on a wide screen, so the page's own first screen stays its own.
 */
export async function VerifyEmailBanner() {
  const session = await getSession();
  if (!session || session.emailVerified) return null;
  return (
    <section aria-label="Confirm your email address" className="border-b border-amber-300 bg-amber-50 text-amber-950">
      <div className="mx-auto flex max-w-6xl flex-col gap-x-4 gap-y-2 px-4 py-2 sm:px-6 lg:flex-row lg:items-center">
        <p className="text-sm lg:flex-1">
          Please confirm your email address, so we can send you feedback and reminders. We sent a link to{" "}
          <strong className="break-words">{session.viewer.email}</strong>.
        </p>
        <SendLinkButton
          action={resendVerificationMailAction}
          pendingLabel="Sending…"
          sentMessage="Sent. Check your inbox."
        >
          Resend the link
        </SendLinkButton>
      </div>
    </section>
  );
}
