import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { confirmEmailAction } from "@/lib/actions/email-verification";
import { checkEmailVerificationLink } from "@/lib/data/email-verification";
import { accountLinkProblemMessage } from "@/lib/domain/account-links";
import { getViewer } from "@/lib/server/auth";

export const metadata: Metadata = { title: "Confirm your email address", referrer: "no-referrer" };

/*
 * The link in the verification mail opens this page; the address is confirmed only by the
 * button, so a mail scanner that opens links ahead of the person confirms nothing.
 */
export default async function VerifyEmailPage({ searchParams }: PageProps<"/verify-email">) {
  const { token, confirmed } = await searchParams;
  const signedIn = Boolean(await getViewer());
  const onward = signedIn ? (
    <Link href="/dashboard" className="font-medium text-indigo-700 underline underline-offset-2">
      Go to your dashboard
    </Link>
  ) : (
    <Link href="/sign-in" className="font-medium text-indigo-700 underline underline-offset-2">
      Sign in to your account
    </Link>
  );

  if (confirmed === "1") {
    return (
      <>
        <h1 className="mb-3 text-2xl font-bold">Email address confirmed</h1>
        <p role="status" className="mb-6 text-slate-700">
          Thank you. Waymark can now send you the mails you choose in your account settings.
        </p>
        {onward}
      </>
    );
  }

  const link = await checkEmailVerificationLink(token, new Date());
  if (!link.ok) {
    return (
      <>
        <h1 className="mb-3 text-2xl font-bold">This link can&apos;t be used</h1>
        <p className="mb-2 text-slate-700">{accountLinkProblemMessage(link.problem)}</p>
        <p className="mb-6 text-slate-700">
          {link.problem === "used"
            ? "If you confirmed your address with it, there is nothing more to do."
            : "To get a new link, sign in and press “Resend the link” at the top of the page. For a new address, use “Send the link again” on your account page."}
        </p>
        {onward}
      </>
    );
  }

  return (
    <>
      <h1 className="mb-3 text-2xl font-bold">Confirm your email address</h1>
      <p className="mb-6 text-slate-700">
        Confirm that <strong className="break-all">{link.email}</strong> is your address for Waymark.
      </p>
      <ActionButton
        action={confirmEmailAction}
        input={{ token: typeof token === "string" ? token : "" }}
        pendingLabel="Confirming…"
        variant="primary"
        thenGoTo="/verify-email?confirmed=1"
      >
        Confirm email address
      </ActionButton>
    </>
  );
}
