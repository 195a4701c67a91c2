import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signOutEverywhereAction } from "@/app/(auth)/actions";
import { AccountDataSection } from "@/components/account-data-section";
import { ChangePasswordForm } from "@/components/change-password-form";
import { DeleteAccountForm } from "@/components/delete-account-form";
import { getViewer } from "@/lib/auth";
import { getAccountForViewer } from "@/lib/data/account";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  const { password, at } = await searchParams;
  const outcome = password === "changed" || password === "set" ? password : null;
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?next=/account");
  const account = await getAccountForViewer({ viewer });

  return (
    <main className="flex max-w-3xl flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Account</h1>
        <p className="mt-1 text-slate-700">
          Signed in as {account.name ? `${account.name} (${account.email})` : account.email}.
        </p>
      </header>
      <AccountDataSection />
      {/* A new form after each change, so no typed password outlives it. */}
      <ChangePasswordForm key={String(at ?? "form")} hasPassword={account.hasPassword} outcome={outcome} />
      <section aria-labelledby="sessions-heading" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Signed in on a shared or lost device? End every session, everywhere, including this one.
        </p>
        <form action={signOutEverywhereAction} className="mt-3">
          <button
            type="submit"
            className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
          >
            Sign out everywhere
          </button>
        </form>
      </section>
      <DeleteAccountForm hasPassword={account.hasPassword} />
    </main>
  );
}
