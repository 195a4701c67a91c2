import type { Metadata } from "next";
import { AccountDataSection } from "@/components/account-data-section";
import { AccountEmailSection } from "@/components/account-email-section";
import { AccountNameForm } from "@/components/account-name-form";
import { ChangePasswordForm } from "@/components/change-password-form";
import { DeleteAccountForm } from "@/components/delete-account-form";
import { DevicesSection } from "@/components/devices-section";
import { MailSettingsSection } from "@/components/mail-settings-section";
import { Alert } from "@/components/ui/alert";
import { emailIsOff, getEnv } from "@/lib/server/env";
import { requirePageSession } from "@/lib/server/viewer-guard";
import { getAccountForViewer } from "@/lib/data/account";
import { getEmailStatusForViewer } from "@/lib/data/email-verification";
import { listSessionsForViewer } from "@/lib/data/sessions";
import { getMailSettingsForViewer } from "@/lib/data/mail-preferences";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  const { password, at } = await searchParams;
  const outcome = password === "changed" || password === "set" ? password : null;
  const { viewer, sessionId } = await requirePageSession("/account");
  const [account, emailStatus, devices] = await Promise.all([
    getAccountForViewer({ viewer }),
    getEmailStatusForViewer({ viewer }),
    listSessionsForViewer({ viewer, currentSessionId: sessionId }),
  ]);
  const mail = await getMailSettingsForViewer({ viewer });

  return (
    <main className="flex max-w-3xl flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Account</h1>
        <p className="mt-1 text-slate-700">
          Signed in as {account.name ? `${account.name} (${account.email})` : account.email}.
        </p>
      </header>
      {emailIsOff(getEnv()) ? (
        <Alert variant="box">
          This server can&apos;t send email yet: a new address can&apos;t be confirmed, and no mails are sent, whatever
          the settings below say. The people who run this Waymark can set it up.
        </Alert>
      ) : null}
      <AccountNameForm name={account.name} />
      <AccountEmailSection status={emailStatus} hasPassword={account.hasPassword} />
      <AccountDataSection />
      {/* A new form after each change, so no typed password outlives it. */}
      <ChangePasswordForm key={String(at ?? "form")} hasPassword={account.hasPassword} outcome={outcome} />
      <DevicesSection devices={devices} />
      <MailSettingsSection preferences={mail.preferences} verified={mail.verified} />
      <DeleteAccountForm hasPassword={account.hasPassword} />
    </main>
  );
}
