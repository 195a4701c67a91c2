import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { OAuthButtons } from "@/components/oauth-buttons";
import { Alert } from "@/components/ui/alert";
import { StatusNote } from "@/components/ui/status-note";
import { enabledOAuthProviders, getViewer } from "@/lib/server/auth";
import { safeNextPath } from "@/lib/domain/safe-next-path";
import { signInAction } from "@/lib/actions/auth";

export const metadata: Metadata = { title: "Sign in" };

/** Auth.js sends failed OAuth sign-ins here with an error code; say what happened in plain words. */
function authErrorMessage(code: string): string {
  switch (code) {
    case "OAuthAccountNotLinked":
      return "This email already has a Waymark account. Sign in with your email and password.";
    case "AccessDenied":
      return "Sign-in was cancelled or refused. Please try again.";
    case "Configuration":
      return "Signing in this way is not available right now. Please use your email and password.";
    default:
      return "We couldn't sign you in. Please try again.";
  }
}

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { next, signedOut, password, error } = await searchParams;
  const nextPath = typeof next === "string" ? next : undefined;
  if (await getViewer()) redirect(safeNextPath(nextPath));
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Sign in</h1>
      <p className="mb-6 text-slate-700">Pick up your roadmap where you left it.</p>
      {signedOut === "everywhere" ? (
        <StatusNote className="mb-4">You are signed out on every device.</StatusNote>
      ) : null}
      {password === "reset" ? (
        <StatusNote className="mb-4">
          Your password has been changed and you&apos;ve been signed out everywhere. Sign in with your new password.
        </StatusNote>
      ) : null}
      {typeof error === "string" ? (
        <Alert variant="box" className="mb-4">
          {authErrorMessage(error)}
        </Alert>
      ) : null}
      <AuthForm
        fields={[
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          {
            name: "password",
            label: "Password",
            type: "password",
            autoComplete: "current-password",
            link: { href: "/forgot-password", text: "Forgot password?" },
          },
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
