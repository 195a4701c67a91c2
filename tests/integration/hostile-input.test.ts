/*
 * Every server action and route handler, called with random and hostile payloads (wrong
 * types, huge strings, unicode edge cases, other people's ids, SQL and HTML fragments) by a
 * signed-in stranger or by nobody: each answer is a typed refusal or a 4xx, never an internal
 * error, and the database is exactly as it was (rate-limit counters aside). The actions are
 * found in lib/actions/ when the test runs, so a new one is fuzzed without being listed here.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { getTableColumns, getTableName, isTable, sql, type Table } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { ERROR_CODES, UNSTORABLE_TEXT_MESSAGE } from "@/lib/domain/errors";
import type { Viewer } from "@/lib/data/viewer";
import { addMilestoneEvidence } from "@/lib/data/evidence";
import { postMilestoneMessage } from "@/lib/data/feedback";
import { acceptInvite, createInvite, INVITE_LIFETIMES_DAYS } from "@/lib/data/mentorships";
import { saveMilestoneNote } from "@/lib/data/notes";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import { publishShareLink } from "@/lib/data/share-links";
import { actionContract, type ActionContract } from "@/lib/server/action";
import { backendMilestones, createLearner, eventsOf, signInSession } from "./helpers";

const session = vi.hoisted(() => ({
  quiet: (process.env.LOG_LEVEL ??= "error"),
  viewer: null as Viewer | null,
  sessionId: "",
  AuthError: class AuthError extends Error {
    type = "CredentialsSignin";
  },
}));

// Auth.js itself is not under test here: what reaches it is a refused password.
vi.mock("next-auth", () => ({ AuthError: session.AuthError }));
vi.mock("@/lib/server/auth", async () => {
  const { redirect } = await import("next/navigation");
  return {
    getViewer: async () => session.viewer,
    getSession: async () =>
      session.viewer && { viewer: session.viewer, sessionId: session.sessionId, unreadNotifications: 0 },
    // A provider's sign-in leaves for the provider's page, as Auth.js's does.
    signIn: async (provider: string) => {
      if (provider !== "credentials") redirect("https://provider.example/authorize");
      throw new session.AuthError();
    },
    signOut: async () => {},
    handlers: {
      GET: async () => Response.redirect("http://waymark.test/sign-in", 302),
      POST: async () => Response.redirect("http://waymark.test/sign-in?error=CredentialsSignin", 302),
    },
  };
});
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { importLearnerDataAction } = await import("@/lib/actions/account-data");
const { saveMilestoneNoteAction } = await import("@/lib/actions/notebook");
const progressRoute = await import("@/app/api/roadmaps/[slug]/progress/route");
const notesRoute = await import("@/app/api/roadmaps/[slug]/notes/route");
const exportRoute = await import("@/app/api/export/route");
const unreadRoute = await import("@/app/api/notifications/unread-count/route");
const authRoute = await import("@/app/api/auth/[...nextauth]/route");

const SQL_FRAGMENTS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  "1; SELECT pg_sleep(10)",
  '" OR ""="',
  "backend-developer' --",
  "$1",
  "%",
  "_",
  "\\",
];
const HTML_FRAGMENTS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  '"><svg onload=alert(1)>',
  "{{constructor.constructor('alert(1)')()}}",
];
const UNICODE_EDGES = [
  "\u0000",
  "before\u0000after",
  "\uD800",
  "\uDFFF\uD800",
  "\u202Eevil\u202C",
  "\u200B\u200C\u200D\uFEFF",
  "e\u0301\u0301\u0301",
  "👩‍👩‍👧‍👦".repeat(50),
  "Ω≈ç√∫˜µ≤≥÷",
  "\r\n\t\v\f",
  "𝕳𝖊𝖑𝖑𝖔",
];
const HUGE = ["x".repeat(1_000_001), "é".repeat(300_000), `${"a".repeat(10_000)}@example.com`];
const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString"];

const hostileText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.constantFrom(...SQL_FRAGMENTS, ...HTML_FRAGMENTS, ...UNICODE_EDGES, ...HUGE, ...PROTOTYPE_KEYS, ""),
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt().map((value) => value.toString()),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...PROTOTYPE_KEYS, "id", "ok"), fc.anything({ maxDepth: 1 }), { maxKeys: 3 }),
);
const hostile = fc.oneof(hostileText, wrongType);

type Stranger = { victim: Viewer; mentor: Viewer; attacker: Viewer; ids: Record<string, string | number> };
let world: Stranger;

/** A payload for an action with these fields: some fields hostile, some missing, some extra; or no object at all. */
function payloadFor(fields: Record<string, fc.Arbitrary<unknown>>, required: string[]) {
  const record = fc.record(fields, { requiredKeys: required });
  const withExtra = fc
    .tuple(
      record,
      fc.dictionary(fc.constantFrom(...PROTOTYPE_KEYS, "userId", "viewer", "learnerId"), hostile, { maxKeys: 2 }),
    )
    .map(([fieldsPart, extra]) => ({ ...extra, ...fieldsPart }));
  const asForm = record.map((values) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(values)) {
      form.append(key, typeof value === "string" ? value : fc.stringify(value));
    }
    return Object.assign({ form }, { [fc.toStringMethod]: () => `form ${fc.stringify(values)}` });
  });
  return fc.oneof(
    { weight: 4, arbitrary: record.map((input) => ({ input })) },
    { weight: 2, arbitrary: withExtra.map((input) => ({ input })) },
    { weight: 2, arbitrary: asForm },
    {
      weight: 1,
      arbitrary: fc
        .anything({ maxDepth: 2 })
        .filter((input) => required.length === 0 || typeof input !== "object" || input === null)
        .map((input) => ({ input })),
    },
  );
}

/** Someone else's ids of every kind, random ids, and everything hostile. */
const anyId = () => fc.oneof(fc.constantFrom(...Object.values(world.ids)), fc.uuid(), hostile);

type Answer = { ok: boolean; code?: unknown; error?: unknown };

/** An action as every test here calls it: with an input, or as a form posts it. */
type Call = (input: unknown, form?: FormData) => Promise<Answer>;

type DiscoveredAction = {
  name: string;
  file: string;
  exported: unknown;
  /** What `action`/`publicAction` recorded; undefined for a function made without them. */
  contract: ActionContract | undefined;
};

const ACTIONS_DIR = path.resolve(import.meta.dirname, "../../lib/actions");
const discovered: DiscoveredAction[] = [];
for (const file of readdirSync(ACTIONS_DIR)
  .filter((name) => /\.tsx?$/.test(name))
  .sort()) {
  const exports = (await import(path.join(ACTIONS_DIR, file))) as Record<string, unknown>;
  for (const [name, exported] of Object.entries(exports)) {
    discovered.push({ name, file, exported, contract: actionContract(exported) });
  }
}

/**
 * The actions made without the wrappers, each a plain `<form action>`, which wants nothing back
 * where the wrappers answer with a result. They are fuzzed all the same: whatever the arguments,
 * each answers with nothing or Next's redirect, and changes nobody else's data.
 */
const UNWRAPPED_ACTIONS = new Set(["signOutAction", "signOutEverywhereAction", "signInWithProviderAction"]);

/** Hand-written fuzzing of an action: the fields it reads, with hostile values, and those always sent. */
type Fuzzing = {
  fields: () => Record<string, fc.Arbitrary<unknown>>;
  required?: string[];
  /** An input its schema accepts, where the simplest one its JSON schema describes is refused or unlike a real one. */
  validInput?: () => unknown;
};

const signInEmail = () => fc.oneof(hostile, fc.constant(world.victim.email));
// The one lifetime a form may choose (or none, meaning the default) is a real invite, not a hostile one.
const isLifetime = (value: unknown) => {
  if (value === undefined) return true;
  try {
    return (INVITE_LIFETIMES_DAYS as readonly number[]).includes(Number(value));
  } catch {
    return false;
  }
};
const inviteLifetime: Fuzzing = {
  fields: () => ({ days: hostile.filter((value) => !isLifetime(value)) }),
  required: ["days"],
};
// A stranger writing on the victim's real milestones: only a current mentor may.
const feedback: Fuzzing = {
  fields: () => ({ learnerId: anyId(), milestoneId: anyId(), mentorId: anyId(), body: hostile, reviewed: hostile }),
};

/**
 * By exported name. An action without an entry is fuzzed on the fields its schema names, each
 * given any id or hostile value; one whose schema says too little for that fails below.
 */
const FUZZING: Record<string, Fuzzing> = {
  signUpAction: {
    fields: () => ({ name: hostile, email: signInEmail(), password: hostile, timeZone: hostile, next: hostile }),
  },
  signInAction: { fields: () => ({ email: signInEmail(), password: hostile, next: hostile }) },
  signOutAction: { fields: () => ({}) },
  signOutEverywhereAction: { fields: () => ({}) },
  signInWithProviderAction: {
    fields: () => ({ provider: fc.oneof(hostile, fc.constantFrom("github", "google")), next: hostile }),
  },
  changePasswordAction: {
    fields: () => ({ currentPassword: hostile, newPassword: hostile, confirmPassword: hostile }),
    // Its schema's refinement (the two new passwords match) is more than a JSON schema shows.
    validInput: () => ({ newPassword: "a long new passphrase", confirmPassword: "a long new passphrase" }),
  },
  deleteAccountAction: { fields: () => ({ password: hostile, email: hostile, confirm: hostile }) },
  endSessionAction: { fields: () => ({ sessionId: anyId() }) },
  importLearnerDataAction: {
    fields: () => ({
      file: fc.oneof(
        hostile,
        fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
        fc
          .record({
            format: hostile,
            version: hostile,
            roadmaps: fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 2 }),
          })
          .map((value) => JSON.stringify(value)),
      ),
    }),
    validInput: () => ({ file: JSON.stringify({ format: "waymark-export", version: 1, roadmaps: [] }) }),
  },
  setMilestoneStatusAction: { fields: () => ({ milestoneId: anyId(), status: hostile }) },
  saveMilestoneNoteAction: { fields: () => ({ milestoneId: anyId(), body: hostile, baseVersion: hostile }) },
  addMilestoneEvidenceAction: { fields: () => ({ milestoneId: anyId(), title: hostile, url: hostile }) },
  removeMilestoneEvidenceAction: { fields: () => ({ evidenceId: anyId() }) },
  publishShareLinkAction: { fields: () => ({ roadmapSlug: hostile, includeEvidence: hostile }) },
  revokeShareLinkAction: { fields: () => ({ roadmapSlug: hostile }) },
  setPaceSettingsAction: {
    fields: () => ({
      roadmapSlug: hostile,
      plannedStart: hostile,
      targetDate: hostile,
      stageTargets: fc.oneof(hostile, fc.dictionary(hostileText, hostile, { maxKeys: 3 })),
      timeZone: hostile,
    }),
  },
  undoLastChangeAction: { fields: () => ({ eventId: anyId() }) },
  createMenteeInviteAction: inviteLifetime,
  createMentorInviteAction: inviteLifetime,
  acceptInviteAction: { fields: () => ({ token: fc.oneof(anyId(), hostile) }) },
  declineInviteAction: { fields: () => ({ token: fc.oneof(anyId(), hostile) }) },
  postMilestoneMessageAction: feedback,
  setMilestoneReviewedAction: feedback,
  requestPasswordResetAction: { fields: () => ({ email: hostile }) },
  resetPasswordAction: {
    fields: () => ({
      // Forged tokens of the real shape, so that they reach the database.
      token: fc.oneof(hostile, fc.stringMatching(/^[A-Za-z0-9_-]{43}$/)),
      newPassword: fc.oneof(hostile, fc.constant("a long and unusual new passphrase")),
    }),
  },
  markNotificationsReadAction: {
    fields: () => ({
      ids: fc.oneof(
        hostile,
        fc.array(anyId(), { maxLength: 5 }),
        fc.array(fc.uuid(), { minLength: 101, maxLength: 120 }),
      ),
    }),
  },
};

/** The keywords of a JSON schema that say what its simplest instance is. */
type JsonShape = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonShape[];
  format?: string;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  properties?: Record<string, JsonShape>;
  required?: string[];
  items?: JsonShape;
  minItems?: number;
};

/** The simplest input a JSON schema describes; a refinement it cannot show may still refuse it. */
function simplestInput(shape: JsonShape): unknown {
  if ("const" in shape) return shape.const;
  if (shape.enum) return shape.enum[0];
  // An option that says nothing (a File, which JSON cannot show) has no example: the first one that does.
  if (shape.anyOf) return simplestInput(shape.anyOf.find((option) => Object.keys(option).length > 0) ?? {});
  switch (Array.isArray(shape.type) ? shape.type[0] : shape.type) {
    case "object":
      return Object.fromEntries(
        (shape.required ?? []).map((key) => [key, simplestInput(shape.properties?.[key] ?? {})]),
      );
    case "array":
      return Array.from({ length: shape.minItems ?? 0 }, () => simplestInput(shape.items ?? {}));
    case "string":
      if (shape.format === "uuid") return "00000000-0000-4000-8000-000000000000";
      if (shape.format === "email") return "someone@example.com";
      return "a".repeat(shape.minLength ?? 0);
    case "integer":
    case "number":
      return shape.minimum ?? (shape.exclusiveMinimum ?? -1) + 1;
    case "boolean":
      return false;
    default:
      return null;
  }
}

type ActionFuzzing = Required<Pick<Fuzzing, "fields" | "required">> & { validInput: unknown };

/** How an action is fuzzed, hand-written or read from its schema; throws saying what is missing. */
function fuzzingOf({ name, file, contract }: DiscoveredAction): ActionFuzzing {
  const where = `${name} (lib/actions/${file})`;
  const written = FUZZING[name];
  if (!contract) {
    if (!UNWRAPPED_ACTIONS.has(name) || !written) {
      throw new Error(`${where} is not made with action() or publicAction(): make it with one of them.`);
    }
    return { fields: written.fields, required: written.required ?? [], validInput: undefined };
  }
  const shape = z.toJSONSchema(contract.schema, { io: "input", unrepresentable: "any" }) as JsonShape;
  const validInput = written?.validInput ? written.validInput() : simplestInput(shape);
  if (!contract.schema.safeParse(validInput).success) {
    throw new Error(`${where}: its schema refuses ${JSON.stringify(validInput)}; give it a validInput in FUZZING.`);
  }
  if (written) return { fields: written.fields, required: written.required ?? [], validInput };
  if (shape.type !== "object" || !shape.properties) {
    throw new Error(`${where}: its input names no fields to fuzz; give it its fields in FUZZING.`);
  }
  const names = Object.keys(shape.properties);
  return { fields: () => Object.fromEntries(names.map((field) => [field, anyId()])), required: [], validInput };
}

const isNextRedirect = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  String((error as { digest?: unknown }).digest).startsWith("NEXT_REDIRECT;");

/** Calls an action as Next would; its redirect, as a form's success, counts as accepted. */
function callOf({ exported, contract }: DiscoveredAction): Call {
  const run = exported as (...args: unknown[]) => Promise<unknown>;
  return async (input, form) => {
    try {
      if (contract) return (await run(input, form)) as Answer;
      expect(await run(form ?? input)).toBeUndefined();
      return { ok: true };
    } catch (error) {
      if (isNextRedirect(error)) return { ok: true };
      throw error;
    }
  };
}

/**
 * Every row of every table but the rate-limit counters, as one digest; with `exceptRowsOf`, without
 * that user's own rows (their account and everything keyed by their user id).
 */
async function databaseDigest({ exceptRowsOf }: { exceptRowsOf?: string } = {}): Promise<string> {
  const tables = Object.values(schema as Record<string, unknown>)
    .filter((value): value is Table => isTable(value))
    .filter((table) => getTableName(table) !== "rate_limits")
    .sort((a, b) => getTableName(a).localeCompare(getTableName(b)));
  const digests = sql.join(
    tables.map((table) => {
      const name = getTableName(table);
      const columns = getTableColumns(table);
      // An invite is its creator's; an authored roadmap its owner's.
      const owner = table === schema.users ? schema.users.id : (columns.userId ?? columns.creatorId ?? columns.ownerId);
      const mine =
        exceptRowsOf && owner ? sql`where t.${sql.identifier(owner.name)} is distinct from ${exceptRowsOf}` : sql``;
      return sql`select ${name} as name, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as digest from ${sql.identifier(name)} t ${mine}`;
    }),
    sql` union all `,
  );
  const result = await getDb().execute<{ name: string; digest: string }>(digests);
  const rows = Array.isArray(result) ? result : (result as { rows: { name: string; digest: string }[] }).rows;
  return rows.map((row) => `${row.name}:${row.digest}`).join("\n");
}

function expectTypedRefusalOrHarmless(answer: Answer) {
  expect(typeof answer.ok).toBe("boolean");
  if (answer.ok) return;
  expect(ERROR_CODES).toContain(answer.code);
  expect(answer.code).not.toBe("INTERNAL");
  expect(answer.code).not.toBe("UNAVAILABLE");
  expect(typeof answer.error).toBe("string");
  expect((answer.error as string).length).toBeGreaterThan(0);
}

const tried: Record<string, number> = {};
let acceptedOwnWrites = 0;
// `npm run test:faults` raises this for a longer search.
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
// A failing run prints its seed: FUZZ_SEED=<seed> replays it.
if (process.env.FUZZ_SEED) fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) });
// A test runs several actions RUNS times each, and CI runs both drivers at once: the 30 s default
// fits the default search but not the longer one on a loaded machine.
const searchTimeout = { timeout: Math.max(30_000, RUNS * 400) };

/** Checks one action: every payload answers in type and leaves the database as it was. */
async function fuzzAction(name: string, call: Call, { fields, required }: Omit<ActionFuzzing, "validInput">) {
  let before = await databaseDigest();
  const othersBefore = await databaseDigest({ exceptRowsOf: world.attacker.id });
  await fc.assert(
    fc.asyncProperty(payloadFor(fields(), required), fc.boolean(), async (payload, signedIn) => {
      tried[name] = (tried[name] ?? 0) + 1;
      session.viewer = signedIn ? world.attacker : null;
      const answer = "form" in payload ? await call(null, payload.form) : await call(payload.input);
      expectTypedRefusalOrHarmless(answer);
      if (answer.ok && signedIn) {
        // Now and then a random payload is a valid request on the stranger's own data (a note on a
        // milestone of their own roadmap): it may change their rows, and nobody else's.
        acceptedOwnWrites++;
        expect(await databaseDigest({ exceptRowsOf: world.attacker.id })).toBe(othersBefore);
        before = await databaseDigest();
      } else {
        expect(await databaseDigest()).toBe(before);
      }
    }),
    { numRuns: RUNS },
  );
}

beforeAll(async () => {
  const milestones = await backendMilestones();
  const [first, second] = milestones;
  const victim = await createLearner("Vera Victim");
  const mentor = await createLearner("Milo Mentor");
  const attacker = await createLearner("Eve Stranger");
  const victimSession = await signInSession(victim);
  session.sessionId = (await signInSession(attacker)).sessionId;
  const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
  const { mentorshipId } = await acceptInvite({ viewer: victim, token: invite.token });
  await setMilestoneStatus({ viewer: victim, milestoneId: first!.id, status: "done" });
  await saveMilestoneNote({ viewer: victim, milestoneId: first!.id, body: "private", baseVersion: 0 });
  const evidence = await addMilestoneEvidence({
    viewer: victim,
    milestoneId: first!.id,
    title: "My API",
    url: "https://example.com/api",
  });
  await postMilestoneMessage({ viewer: mentor, learnerId: victim.id, milestoneId: first!.id, body: "Nice work" });
  // An invite's token is a bearer secret (whoever holds it may accept): only its id is someone else's.
  await createInvite({ viewer: victim, kind: "learner_invites_mentor" });
  await publishShareLink({ viewer: victim, roadmapSlug: "backend-developer", includeEvidence: true });
  const [event] = await eventsOf(victim);
  const [notification] = await getDb()
    .select({ id: schema.notifications.id })
    .from(schema.notifications)
    .where(sql`${schema.notifications.userId} = ${mentor.id}`);
  const [pendingInvite] = await getDb()
    .select({ id: schema.mentorshipInvites.id })
    .from(schema.mentorshipInvites)
    .where(sql`${schema.mentorshipInvites.creatorId} = ${victim.id}`);
  world = {
    victim,
    mentor,
    attacker,
    ids: {
      victimId: victim.id,
      mentorId: mentor.id,
      mentorshipId,
      evidenceId: evidence.id,
      eventId: event!.id,
      notificationId: notification!.id,
      inviteId: pendingInvite!.id,
      milestoneId: second!.id,
      sessionId: victimSession.sessionId,
    },
  };
});

afterAll(() => {
  const total = Object.values(tried).reduce((sum, count) => sum + count, 0);
  console.info(
    `Hostile payloads tried: ${total} (${Object.entries(tried)
      .map(([name, count]) => `${name} ${count}`)
      .join(", ")}); ${acceptedOwnWrites} accepted as the stranger's requests about their own data`,
  );
});

describe("a NUL character, which Postgres text cannot hold", () => {
  it("is no roadmap's address, is refused with a clear message by the note form, and nothing is saved", async () => {
    session.viewer = world.attacker;
    const before = await databaseDigest();
    const response = await progressRoute.GET(new NextRequest("http://waymark.test/api/roadmaps/x/progress"), {
      params: Promise.resolve({ slug: "backend\u0000developer" }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
    const saved = await saveMilestoneNoteAction({
      milestoneId: world.ids.milestoneId,
      body: "Read chapter 3\u0000",
      baseVersion: 0,
    });
    expect(saved).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { body: [UNSTORABLE_TEXT_MESSAGE] } });
    expect(await databaseDigest()).toBe(before);
  });
});

describe("every server action", () => {
  it("is found in lib/actions/, and each module there exports nothing else", () => {
    expect(discovered.length).toBeGreaterThan(0);
    expect(discovered.find(({ name }) => name === "setMilestoneStatusAction")).toBeDefined();
    const notActions = discovered.filter(
      ({ name, exported }) => typeof exported !== "function" || !name.endsWith("Action"),
    );
    expect(notActions.map(({ name, file }) => `${file}: ${name}`)).toEqual([]);
  });

  it("is made with action() or publicAction(), or is one of the few known plain form actions", () => {
    const unknown = discovered.filter(({ name, contract }) => !contract && !UNWRAPPED_ACTIONS.has(name));
    expect(unknown.map(({ name, file }) => `${file}: ${name}`)).toEqual([]);
  });

  it("has its hostile fields and a valid input, hand-written here or read from its schema", () => {
    const problems = discovered.flatMap((found) => {
      try {
        fuzzingOf(found);
        return [];
      } catch (error) {
        return [(error as Error).message];
      }
    });
    expect(problems).toEqual([]);
    const names = new Set(discovered.map(({ name }) => name));
    const stale = [...Object.keys(FUZZING), ...UNWRAPPED_ACTIONS].filter((name) => !names.has(name));
    expect(stale, "fuzzing written for actions that no longer exist").toEqual([]);
  });

  it("that needs a signed-in caller refuses a signed-out one, even with a valid input, and changes nothing", async () => {
    session.viewer = null;
    const before = await databaseDigest();
    const guarded = discovered.filter(({ contract }) => contract?.signInRequired);
    expect(guarded.length).toBeGreaterThan(0);
    const answers = [];
    for (const found of guarded) {
      const answer = await callOf(found)(fuzzingOf(found).validInput);
      answers.push({ name: found.name, code: answer.code });
    }
    expect(answers).toEqual(guarded.map(({ name }) => ({ name, code: "UNAUTHENTICATED" })));
    expect(await databaseDigest()).toBe(before);
  });
});

describe("server actions refuse hostile payloads and change nothing", searchTimeout, () => {
  for (const found of discovered) {
    it(`${found.name} (lib/actions/${found.file})`, async () => {
      await fuzzAction(found.name, callOf(found), fuzzingOf(found));
    });
  }
});

describe("an argument nested thousands deep", () => {
  /** `{"a":{"a":…}}` or `[[…]]` this deep, as a decoded post or a parsed file holds it. */
  const nested = (depth: number, open = '{"a":', close = "}") => `${open.repeat(depth)}"x"${close.repeat(depth)}`;

  it.each([5_000, 100_000])("%i deep, to any action, answers a typed refusal and changes nothing", async (depth) => {
    const deepValues = [JSON.parse(nested(depth)), JSON.parse(nested(depth, "[", "]"))] as unknown[];
    const actions = discovered.map((found) => ({
      name: found.name,
      call: callOf(found),
      fields: Object.keys(fuzzingOf(found).fields()),
    }));
    // Someone new sends the file at the end: the fuzzing above may have used up the stranger's imports.
    const importer = await createLearner("Ivy Importer");
    const othersBefore = await databaseDigest({ exceptRowsOf: world.attacker.id });
    for (const signedIn of [true, false]) {
      session.viewer = signedIn ? world.attacker : null;
      for (const { name, call, fields } of actions) {
        for (const deep of deepValues) {
          const inputs = [deep, [deep], ...fields.map((field) => ({ ...world.ids, [field]: deep }))];
          for (const input of inputs) {
            const answer = await call(input);
            expect({ name, code: answer.code }).not.toEqual({ name, code: "INTERNAL" });
            expectTypedRefusalOrHarmless(answer);
          }
        }
      }
    }
    // An action whose fields all have defaults reads `{"a":…}` as a valid request of the stranger's own.
    expect(await databaseDigest({ exceptRowsOf: world.attacker.id })).toBe(othersBefore);
    // The same nesting inside an export file, as the import form sends it.
    session.viewer = importer;
    const before = await databaseDigest();
    const [milestone] = await backendMilestones();
    const note = { body: "BODY", updatedAt: "2026-01-20T18:31:00.000Z" };
    const entry = { slug: milestone!.slug, status: "done", startedAt: null, completedAt: null, evidence: [], note };
    const file = JSON.stringify({
      format: "waymark-export",
      version: 1,
      roadmaps: [{ slug: "backend-developer", startedAt: null, stageTargets: [], milestones: [entry], history: [] }],
    }).replace('"BODY"', nested(depth));
    expect(await importLearnerDataAction({ file })).toEqual({
      ok: false,
      code: "INVALID_INPUT",
      error:
        "roadmaps[0].milestones[0].note.body.a.a… is nested more than 32 levels deep; no Waymark export is. Nothing was changed.",
    });
    expect(await databaseDigest()).toBe(before);
  });
});

describe("route handlers answer hostile requests with a 4xx, never a 5xx", searchTimeout, () => {
  type Call = { label: string; send: () => Promise<Response> };
  const call = (label: string, send: () => Promise<Response>): Call =>
    Object.assign({ label, send }, { [fc.toStringMethod]: () => label });

  async function fuzzRoute(name: string, calls: fc.Arbitrary<Call>) {
    const before = await databaseDigest();
    await fc.assert(
      fc.asyncProperty(calls, fc.boolean(), async ({ send }, signedIn) => {
        tried[name] = (tried[name] ?? 0) + 1;
        session.viewer = signedIn ? world.attacker : null;
        const response = await send();
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) expectTypedRefusalOrHarmless({ ...((await response.json()) as Answer), ok: false });
        expect(await databaseDigest()).toBe(before);
      }),
      { numRuns: RUNS },
    );
  }

  const slug = fc.oneof(hostileText, fc.constant("backend-developer"));
  const context = (value: string) => ({ params: Promise.resolve({ slug: value }) });
  const get = (path: string) => new NextRequest(new URL(path, "http://waymark.test"));

  it("progress, notes, export and unread count", async () => {
    await fuzzRoute(
      "GET /api/roadmaps/[slug]/progress",
      slug.map((value) =>
        call(`progress of ${fc.stringify(value)}`, () =>
          progressRoute.GET(get("/api/roadmaps/x/progress"), context(value)),
        ),
      ),
    );
    await fuzzRoute(
      "GET /api/roadmaps/[slug]/notes",
      slug.map((value) =>
        call(`notes of ${fc.stringify(value)}`, () => notesRoute.GET(get("/api/roadmaps/x/notes"), context(value))),
      ),
    );
    await fuzzRoute(
      "GET /api/export",
      hostileText.map((format) => {
        const query = new URLSearchParams({ format }).toString();
        return call(`export ?${query.slice(0, 200)}`, () => exportRoute.GET(get(`/api/export?${query}`)));
      }),
    );
    await fuzzRoute("GET /api/notifications/unread-count", fc.constant(call("unread count", () => unreadRoute.GET())));
  });

  it("credential sign-in posts of any shape", async () => {
    const body = fc.oneof(
      hostileText,
      fc.record({ email: hostileText, password: hostileText }).map((fields) => new URLSearchParams(fields).toString()),
    );
    const contentType = fc.constantFrom(
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=nothing",
      "application/json",
      "text/plain",
    );
    await fuzzRoute(
      "POST /api/auth/callback/credentials",
      fc.tuple(body, contentType).map(([text, type]) =>
        call(`${type}: ${fc.stringify(text).slice(0, 200)}`, () =>
          authRoute.POST(
            new NextRequest("http://waymark.test/api/auth/callback/credentials", {
              method: "POST",
              body: text,
              headers: { "content-type": type, "x-forwarded-for": "198.51.100.7" },
            }),
          ),
        ),
      ),
    );
  });
});

describe("the fuzzing reaches every server action", () => {
  it("tried hostile payloads on each action found in lib/actions/", () => {
    const fuzzed = discovered.map(({ name }) => name).filter((name) => (tried[name] ?? 0) > 0);
    expect(fuzzed).toEqual(discovered.map(({ name }) => name));
  });
});
