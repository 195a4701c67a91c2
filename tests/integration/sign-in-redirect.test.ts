/*
 * Where the sign-in and sign-up actions send the browser once the password is accepted: the
 * `next` address of the form, only while it stays on this site.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { TEST_PASSWORD, createLearner, uniqueEmail } from "./helpers";

const auth = vi.hoisted(() => ({
  quiet: (process.env.LOG_LEVEL ??= "error"),
  redirects: [] as string[],
  address: 0,
}));

// Auth.js itself is not under test: an accepted password redirects where it is told.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/server/auth", () => ({
  signIn: async (_provider: string, options: { redirectTo: string }) => {
    auth.redirects.push(options.redirectTo);
    const { redirect } = await import("next/navigation");
    redirect(options.redirectTo);
  },
}));
// Each call from its own address, so the per-address sign-up limit never answers instead.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-waymark-peer-address": `198.18.0.${(auth.address += 1)}` }),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));

const { signInAction, signUpAction } = await import("@/lib/actions/auth");

const OFF_SITE = [
  "/.//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "//evil.example",
  "/\\evil.example",
];

beforeEach(() => {
  auth.redirects = [];
});

/** Runs the action to its redirect, which Next signals by throwing. */
async function redirectedBy(run: () => Promise<unknown>): Promise<string> {
  await expect(run()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;/) });
  expect(auth.redirects).toHaveLength(1);
  return auth.redirects.pop()!;
}

describe("after signing up", () => {
  it.each(OFF_SITE)("a next address on another site (%s) goes to the dashboard", async (next) => {
    const target = await redirectedBy(() =>
      signUpAction({ name: "Ada", email: uniqueEmail(), password: TEST_PASSWORD, next }),
    );
    expect(target).toBe("/dashboard");
  });

  it("a next address on this site is kept", async () => {
    const next = "/roadmaps/backend-developer?x=1#m";
    const target = await redirectedBy(() =>
      signUpAction({ name: "Ada", email: uniqueEmail(), password: TEST_PASSWORD, next }),
    );
    expect(target).toBe(next);
  });
});

describe("after signing in", () => {
  it.each(OFF_SITE)("a next address on another site (%s) goes to the dashboard", async (next) => {
    const learner = await createLearner();
    const target = await redirectedBy(() => signInAction({ email: learner.email, password: TEST_PASSWORD, next }));
    expect(target).toBe("/dashboard");
  });

  it("a next address on this site is kept, also from a form post", async () => {
    const learner = await createLearner();
    const form = new FormData();
    form.set("email", learner.email);
    form.set("password", TEST_PASSWORD);
    form.set("next", "/roadmaps/backend-developer?x=1#m");
    const target = await redirectedBy(() => signInAction(null, form));
    expect(target).toBe("/roadmaps/backend-developer?x=1#m");
  });
});
