import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { unsubscribeAction } from "@/lib/actions/mail-preferences";
import { describeUnsubscribeScope } from "@/lib/domain/mail-preferences";
import { appUnsubscribeKey, verifyUnsubscribeToken } from "@/lib/server/unsubscribe-token";

export const metadata: Metadata = { title: "Unsubscribe", referrer: "no-referrer" };

const settingsLink = (
  <Link href="/account#mail" className="font-medium text-indigo-700 underline underline-offset-2">
    Choose which mails you get
  </Link>
);

/*
 * A mail's "Unsubscribe" link opens this page; only the button turns the mails off, since mail
 * scanners open links ahead of the person. Mail programs unsubscribe in one click through
 * POST /api/unsubscribe instead.
 */
export default async function UnsubscribePage({ searchParams }: PageProps<"/unsubscribe">) {
  const { token: given, done } = await searchParams;
  const token = typeof given === "string" ? given : "";
  const signed = verifyUnsubscribeToken(appUnsubscribeKey(), token);

  if (!signed) {
    return (
      <>
        <h1 className="mb-3 text-2xl font-bold">This link can&apos;t be used</h1>
        <p className="mb-6 text-slate-700">
          This unsubscribe link isn&apos;t valid. It may have been cut short when it was copied. You can also turn mails
          off in your account settings.
        </p>
        {settingsLink}
      </>
    );
  }

  const what = describeUnsubscribeScope(signed.topic);
  if (done === "1") {
    return (
      <>
        <h1 className="mb-3 text-2xl font-bold">Unsubscribed</h1>
        <p role="status" className="mb-6 text-slate-700">
          You won&apos;t get these mails any more: we&apos;ve turned off {what}. You can turn them back on at any time.
        </p>
        {settingsLink}
      </>
    );
  }

  return (
    <>
      <h1 className="mb-3 text-2xl font-bold">Unsubscribe</h1>
      <p className="mb-6 text-slate-700">Stop getting {what} from Waymark?</p>
      <ActionButton
        action={unsubscribeAction}
        input={{ token }}
        pendingLabel="Unsubscribing…"
        variant="primary"
        thenGoTo={`/unsubscribe?${new URLSearchParams({ token, done: "1" })}`}
      >
        Unsubscribe
      </ActionButton>
      <p className="mt-6">{settingsLink}</p>
    </>
  );
}
