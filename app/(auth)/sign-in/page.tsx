import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { OAuthButtons } from "@/components/oauth-buttons";
import { enabledOAuthProviders, getViewer } from "@/lib/auth";
import { safeNextPath } from "@/lib/safe-next-path";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { next, signedOut } = await searchParams;
  const nextPath = typeof next === "string" ? next : undefined;
  if (await getViewer()) redirect(safeNextPath(nextPath));
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Sign in</h1>
      <p className="mb-6 text-slate-700">Pick up your roadmap where you left it.</p>
      {signedOut === "everywhere" ? (
        <p role="status" className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          You are signed out on every device.
        </p>
      ) : null}
      <AuthForm
        fields={[
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
        ]}
        submitLabel="Sign in"
        pendingLabel="Signing in…"
        next={nextPath}
        submit={signInAction}
        footer={{ text: "New to Waymark?", href: "/sign-up", link: "Create an account" }}
      />
      <OAuthButtons providers={enabledOAuthProviders()} next={nextPath} />
    </>
  );
}
