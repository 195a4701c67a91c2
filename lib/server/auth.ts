import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { headers } from "next/headers";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { cache } from "react";
import { z } from "zod";
import { getDb } from "../../db/client";
import { accounts, sessions, users, verificationTokens } from "../../db/schema";
import { queueVerificationMail } from "../data/email-verification";
import { endSignedOutSession, getSessionViewer, startSession, type SessionViewer } from "../data/sessions";
import { verifyCredentials } from "../data/users";
import type { Viewer } from "../data/viewer";
import { getEnv, resolveAuthSecret, type Env } from "./env";
import { SESSION_ABSOLUTE_LIFETIME_MS } from "../domain/session-lifetimes";
import { rememberSignInDevice } from "./sign-in-device";

declare module "next-auth" {
  interface Session {
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** The user_sessions row this token belongs to; a token without one counts as signed out. */
    sid?: string;
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
    // Credentials sign-in requires JWT sessions; the session row each one names makes them
    // revocable. The cookie may live as long as a session may; every request checks the row's
    // idle and absolute lifetimes, however often Auth.js renews the cookie.
    session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_LIFETIME_MS / 1000 },
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
      // `user` is there only at sign-in, by password or OAuth: each sign-in starts its own session.
      async jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.sid = await startSession({ userId: user.id, userAgent: (await headers()).get("user-agent") });
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.sessionId = token.sid;
        return session;
      },
    },
    events: {
      // Auth.js creates an OAuth account with its address unconfirmed (a provider may hand over one
      // it never checked), so it gets the same mail as a sign-up; the minute's sweep delivers it.
      async createUser({ user }) {
        if (user.id && user.email) {
          await queueVerificationMail(getDb(), {
            userId: user.id,
            name: user.name ?? null,
            email: user.email,
            now: new Date(),
          });
        }
      },
      // Both our sign-out action and a POST to /api/auth/signout come through here.
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (token?.sub && token.sid) await endSignedOutSession({ userId: token.sub, sessionId: token.sid });
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
 * The signed-in user and their session, re-read from the database (a session signed out,
 * expired, or of a deleted account is anonymous at once), with their unread notification
 * count. Cached for one request.
 */
export const getSession = cache(async (): Promise<SessionViewer | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!userId || !sessionId) return null;
  return getSessionViewer({ userId, sessionId });
});

/** The signed-in user, or null: what every data function is given as the viewer. */
export async function getViewer(): Promise<Viewer | null> {
  return (await getSession())?.viewer ?? null;
}
