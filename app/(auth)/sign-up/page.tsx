import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { OAuthButtons } from "@/components/oauth-buttons";
import { enabledOAuthProviders, getViewer } from "@/lib/server/auth";
import { NEW_PASSWORD_HINT } from "@/lib/server/passwords";
import { signUpAction } from "@/lib/actions/auth";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const { next } = await searchParams;
  if (await getViewer()) redirect("/dashboard");
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Create your account</h1>
      <p className="mb-6 text-slate-700">Track your progress on the Backend Developer roadmap.</p>
      <AuthForm
        fields={[
          { name: "name", label: "Name", type: "text", autoComplete: "name" },
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          {
            name: "password",
            label: "Password",
            type: "password",
            autoComplete: "new-password",
            hint: NEW_PASSWORD_HINT,
          },
        ]}
        submitLabel="Create account"
        pendingLabel="Creating account…"
        next={typeof next === "string" ? next : undefined}
        submit={signUpAction}
        sendTimeZone
        footer={{ text: "Already have an account?", href: "/sign-in", link: "Sign in" }}
      />
      <OAuthButtons providers={enabledOAuthProviders()} next={typeof next === "string" ? next : undefined} />
    </>
  );
}
