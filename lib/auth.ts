import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { cache } from "react";
import { z } from "zod";
import { getDb } from "../db/client";
import { accounts, sessions, users, verificationTokens } from "../db/schema";
import { getSessionViewer, getTokenVersion, verifyCredentials, type SessionViewer } from "./data/users";
import type { Viewer } from "./data/viewer";
import { getEnv, resolveAuthSecret, type Env } from "./env";
import { rememberSignInDevice } from "./sign-in-device";

declare module "next-auth" {
  interface Session {
    tokenVersion?: number;
  }
  interface User {
    tokenVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    tokenVersion?: number;
  }
}

const credentialsSchema = z.object({ email: z.string().email(), password: z.string().min(1).max(1024) });

const OAUTH_PROVIDERS = [
  { id: "github", name: "GitHub", create: GitHub, idKey: "AUTH_GITHUB_ID", secretKey: "AUTH_GITHUB_SECRET" },
  { id: "google", name: "Google", create: Google, idKey: "AUTH_GOOGLE_ID", secretKey: "AUTH_GOOGLE_SECRET" },
] as const;

function configuredOAuthProviders(env: Env) {
  return OAUTH_PROVIDERS.flatMap((provider) => {
    const clientId = env[provider.idKey];
    const clientSecret = env[provider.secretKey];
    return clientId && clientSecret ? [{ ...provider, clientId, clientSecret }] : [];
  });
}

/** The OAuth providers switched on by configuration, for the sign-in page's buttons. */
export function enabledOAuthProviders(): { id: string; name: string }[] {
  return configuredOAuthProviders(getEnv()).map(({ id, name }) => ({ id, name }));
}

let config: NextAuthConfig | undefined;

function authConfig(): NextAuthConfig {
  const env = getEnv();
  return {
    secret: resolveAuthSecret(env),
    trustHost: true,
    adapter: DrizzleAdapter(getDb(), {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    // Credentials sign-in requires JWT sessions; tokenVersion makes them revocable.
    session: { strategy: "jwt" },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await verifyCredentials(parsed.data);
          if (user) await rememberSignInDevice(parsed.data.email);
          return user;
        },
      }),
      ...configuredOAuthProviders(env).map(({ create, clientId, clientSecret }) => create({ clientId, clientSecret })),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          // Credentials users arrive with their version; OAuth users come from the adapter without it.
          token.tokenVersion = user.tokenVersion ?? (await getTokenVersion(user.id)) ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.tokenVersion = token.tokenVersion;
        return session;
      },
    },
  };
}

// Configured lazily, once, so that `next build` never reads the environment or opens the database.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  config ??= authConfig();
  return config;
});

/**
 * The signed-in user, re-read from the database (a deleted account or a session ended by
 * "sign out everywhere" is anonymous at once), with their unread notification count.
 * Cached for one request.
 */
export const getSession = cache(async (): Promise<SessionViewer | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const tokenVersion = session?.tokenVersion;
  if (!userId || typeof tokenVersion !== "number") return null;
  return getSessionViewer({ userId, tokenVersion });
});

/** The signed-in user, or null: what every data function is given as the viewer. */
export async function getViewer(): Promise<Viewer | null> {
  return (await getSession())?.viewer ?? null;
}
