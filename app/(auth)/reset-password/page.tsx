import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/reset-password-form";
import { checkPasswordResetLink } from "@/lib/data/password-reset";
import { PASSWORD_RESET_LINK_PROBLEMS } from "@/lib/domain/account-links";
import { NEW_PASSWORD_HINT } from "@/lib/server/passwords";

// The address holds the link's token: no link followed from here may carry it away (next.config.js sends the header too).
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: PageProps<"/reset-password">) {
  const { token: given } = await searchParams;
  // Sent twice, or not at all: no link of ours looks like that.
  const token = typeof given === "string" ? given : null;
  const link = token ? await checkPasswordResetLink({ token }) : null;

  if (!token || !link?.ok) {
    const { title, detail } = PASSWORD_RESET_LINK_PROBLEMS[link && !link.ok ? link.problem : "invalid"];
    return (
      <>
        <h1 className="mb-1 text-2xl font-bold">{title}</h1>
        <p className="mb-6 text-slate-700">{detail}</p>
        <Link
          href="/forgot-password"
          className="inline-block rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800"
        >
          Send a new link
        </Link>
      </>
    );
  }

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Choose a new password</h1>
      <p className="mb-6 text-slate-700">
        For {link.email}. Setting it signs you out on every device; then you sign in with the new password.
      </p>
      <ResetPasswordForm token={token} email={link.email} hint={NEW_PASSWORD_HINT} />
    </>
  );
}
