/*
 * The same hostile payloads as tests/integration/hostile-input.test.ts, but over HTTP to the
 * running server, through Next's own decoding of server action posts, route parameters and
 * headers: a signed-in learner's raw requests, and anyone's posts to each server action in the
 * build, never get a 5xx, and change nothing the learner can see.
 */
import fc from "fast-check";
import { builtServerActions, serverActionId } from "../../bench/app-server";
import { cookieHeader, expect, ROADMAP, test } from "./fixtures";
import { rawRequest, type RawHeader, type RawResponse } from "./raw-http";

/** More time for a test whose request count grows with FUZZ_RUNS; never less than the suite allows. */
const allowAtLeast = (ms: number) => test.setTimeout(Math.max(test.info().timeout, ms));

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

const hostileText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom(
    "' OR '1'='1",
    "<script>alert(1)</script>",
    "\u0000",
    "\uD800",
    "\u202Eevil",
    "%00",
    "%",
    "../../etc/passwd",
    "x".repeat(100_000),
  ),
);
const reference = fc
  .tuple(fc.constantFrom("", "@", "K", "Q", "W", "h", "T", "B", "D", "$"), fc.nat(3))
  .map(([tag, id]) => `$${tag}${id}`);
const replyJson = fc
  .jsonValue({ maxDepth: 3 })
  .chain((value) => fc.oneof(fc.constant(value), fc.array(fc.oneof(reference, fc.constant(value)), { maxLength: 3 })))
  .map((value) => JSON.stringify(value));
const actionBody = fc.oneof(
  hostileText,
  replyJson,
  fc
    .record({ milestoneId: fc.oneof(fc.uuid(), hostileText), status: hostileText }, { requiredKeys: [] })
    .map((args) => JSON.stringify([args])),
);
/** Well-formed multipart bodies (boundary "x") whose parts are what React's reply format names, with anything in them. */
const multipartBody = fc
  .array(
    fc.tuple(
      fc.constantFrom("0", "1", "2", "1_email", "$ACTION_REF_1", "$ACTION_1:0", "$ACTION_1:1", "$ACTION_ID_00", "name"),
      fc.oneof(replyJson, hostileText),
    ),
    { maxLength: 4 },
  )
  .map(
    (parts) =>
      parts
        .map(([name, value]) => `--x\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
        .join("") + "--x--\r\n",
  );

test("raw server action posts and odd URLs never get a server error and change nothing", async ({ page, learner }) => {
  // Three searches of RUNS requests each, on a server the posts to every action share; `npm run test:faults` raises RUNS.
  allowAtLeast(30_000 + RUNS * 600);
  expect(learner.email).toBeTruthy();
  const request = page.context().request;
  const progressBefore = await (await request.get("/api/roadmaps/backend-developer/progress")).json();
  const statusAction = serverActionId("lib/actions/progress.ts", "setMilestoneStatusAction");
  let tried = 0;

  await fc.assert(
    fc.asyncProperty(
      actionBody,
      fc.constantFrom(statusAction, "0".repeat(42), "not-an-action"),
      fc.constantFrom("text/plain;charset=UTF-8", "application/json", "multipart/form-data; boundary=x"),
      async (body, actionId, contentType) => {
        tried++;
        const response = await request.post(ROADMAP, {
          headers: { "Next-Action": actionId, "Content-Type": contentType, Accept: "text/x-component" },
          data: body,
        });
        expect(response.status(), `${actionId} ${fc.stringify(body).slice(0, 200)}`).toBeLessThan(500);
      },
    ),
    { numRuns: RUNS },
  );

  // Multipart posts with and without the header: a fetch action's arguments, or a form sent before JavaScript ran.
  await fc.assert(
    fc.asyncProperty(multipartBody, fc.boolean(), async (body, withHeader) => {
      tried++;
      const response = await request.post(ROADMAP, {
        headers: {
          "Content-Type": "multipart/form-data; boundary=x",
          ...(withHeader ? { "Next-Action": statusAction, Accept: "text/x-component" } : {}),
        },
        data: body.replaceAll("$ACTION_ID_00", `$ACTION_ID_${statusAction}`),
      });
      expect(response.status(), `${withHeader ? "fetch" : "form"} ${body.slice(0, 300)}`).toBeLessThan(500);
    }),
    { numRuns: RUNS },
  );

  // Any bytes in a path segment (its text's UTF-8, lone surrogates as U+FFFD), and broken escapes.
  const segment = fc.oneof(
    hostileText.map((text) =>
      [...Buffer.from(text.slice(0, 2000))].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join(""),
    ),
    fc.constantFrom("%", "%E0%A4%A", "%FF%FE", "%00", "..%2F..%2Fetc", "%C0%AE%C0%AE"),
  );
  await fc.assert(
    fc.asyncProperty(segment, async (slug) => {
      tried++;
      for (const path of [
        `/api/roadmaps/${slug}/progress`,
        `/api/roadmaps/${slug}/notes`,
        `/roadmaps/${slug}`,
        `/roadmaps/${slug}/versions`,
        `/roadmaps/backend-developer/versions?from=${slug}&to=${slug}`,
        `/api/roadmaps/${slug}/file`,
        `/api/roadmaps/backend-developer/file?format=${slug}&version=${slug}`,
      ]) {
        const response = await request.get(path);
        expect(response.status(), path.slice(0, 200)).toBeLessThan(500);
      }
    }),
    { numRuns: RUNS },
  );

  // Posts the proxy must still see: one with a prefetch header, one over Next's body size limit.
  const prefetchPost = await request.post(ROADMAP, {
    headers: { "Next-Action": statusAction, "Next-Router-Prefetch": "1", "Content-Type": "text/plain" },
    data: "[",
  });
  expect(prefetchPost.status()).toBe(400);
  const oversized = await request.post(ROADMAP, {
    headers: { "Next-Action": statusAction, "Content-Type": "text/plain" },
    data: JSON.stringify([{ body: "x".repeat(7 * 1024 * 1024) }]),
  });
  expect(oversized.status()).toBe(413);
  expect((await oversized.json()).error).toMatch(/too large/);
  for (const path of ["/favicon.ico%", "/icon.svg%zz", "/_next/staticX/%"]) {
    expect((await request.get(path)).status(), path).toBe(400);
  }
  tried += 5;

  console.info(`Hostile HTTP requests tried: ${tried}`);
  expect(await (await request.get("/api/roadmaps/backend-developer/progress")).json()).toEqual(progressBefore);
});

test("every server action lives in lib/actions/, and a malformed post to any of them never gets a server error", async ({
  page,
  learner,
  request,
}) => {
  const actions = builtServerActions();
  expect(actions.filter(({ filename }) => !filename?.startsWith("lib/actions/"))).toEqual([]);
  // Three fixed posts per action and a few random ones; `npm run test:faults` raises RUNS, and these with it.
  const wrongShapes = ["[]", "[null]", "[{}]"];
  const postsPerAction = wrongShapes.length + Math.ceil(RUNS / 20);
  // Signing the learner up takes part of the default 30 s on a loaded machine.
  allowAtLeast(30_000 + actions.length * postsPerAction * 300);
  expect(learner.email).toBeTruthy();
  const progressBefore = await (await page.context().request.get("/api/roadmaps/backend-developer/progress")).json();
  let tried = 0;

  // From nobody: what a post decodes to does not depend on who sends it, and a signed-in post of a
  // sign-out action would end the learner's session. Next finds an action whatever page is posted to.
  const post = fc.oneof(
    fc
      .tuple(
        actionBody,
        fc.constantFrom("text/plain;charset=UTF-8", "application/json", "multipart/form-data; boundary=x"),
      )
      .map(([body, contentType]) => ({ body, contentType, withHeader: true })),
    fc
      .tuple(multipartBody, fc.boolean())
      .map(([body, withHeader]) => ({ body, contentType: "multipart/form-data; boundary=x", withHeader })),
  );
  for (const action of actions) {
    await fc.assert(
      fc.asyncProperty(post, async ({ body, contentType, withHeader }) => {
        tried++;
        const response = await request.post(ROADMAP, {
          headers: {
            "Content-Type": contentType,
            ...(withHeader ? { "Next-Action": action.id, Accept: "text/x-component" } : {}),
          },
          data: body.replaceAll("$ACTION_ID_00", `$ACTION_ID_${action.id}`),
          maxRedirects: 0,
        });
        expect(response.status(), `${action.exportedName} ${fc.stringify(body).slice(0, 200)}`).toBeLessThan(500);
      }),
      {
        numRuns: postsPerAction,
        // Well-formed arguments of the wrong shape, which random bodies reach only now and then.
        examples: wrongShapes.map((body) => [{ body, contentType: "text/plain;charset=UTF-8", withHeader: true }]),
      },
    );
  }

  console.info(`Hostile posts to ${actions.length} server actions tried: ${tried}`);
  expect(await (await page.context().request.get("/api/roadmaps/backend-developer/progress")).json()).toEqual(
    progressBefore,
  );
});

/** A raw request, then Next's redirects of RSC requests to the address carrying their headers' hash, where Next reads them. */
async function rawFollowing(baseURL: string, request: Parameters<typeof rawRequest>[1]): Promise<RawResponse> {
  let response = await rawRequest(baseURL, request);
  for (let hop = 0; hop < 3 && response.status === 307 && /^\/(?!\/)/.test(response.headers.location ?? ""); hop++) {
    response = await rawRequest(baseURL, { ...request, path: response.headers.location! });
  }
  return response;
}

for (const [header, headers] of [
  ["X-Forwarded-Proto", [["X-Forwarded-Proto", "javascript"]]],
  ["X-Forwarded-Host", [["X-Forwarded-Host", "a b"]]],
  ["Host", [["Host", "a b"]]],
  [
    "Next-Router-State-Tree",
    [
      ["RSC", "1"],
      ["Next-Router-State-Tree", "x"],
    ],
  ],
] satisfies [string, RawHeader[]][]) {
  test(`a page asked with a malformed ${header} header gets a 400 naming it, not a 500`, async ({ baseURL }) => {
    const response = await rawFollowing(baseURL!, { path: "/sign-in", headers });
    expect(response.status).toBe(400);
    expect(response.body).toContain(header);
    expect(response.headers["x-request-id"]).toBeTruthy();
  });
}

test("a form posted from another origin gets a 403, and one with an Origin that is no URL a 400", async ({
  baseURL,
}) => {
  const statusAction = serverActionId("lib/actions/progress.ts", "setMilestoneStatusAction");
  const formPost = (origin: string) =>
    rawRequest(baseURL!, {
      method: "POST",
      path: ROADMAP,
      headers: [
        ["Content-Type", "multipart/form-data; boundary=x"],
        ["Origin", origin],
      ],
      body: `--x\r\nContent-Disposition: form-data; name="$ACTION_ID_${statusAction}"\r\n\r\n\r\n--x--\r\n`,
    });
  for (const origin of ["https://attacker.example", "null"]) {
    const response = await formPost(origin);
    expect(response.status, origin).toBe(403);
    expect(response.headers["x-request-id"]).toBeTruthy();
  }
  expect((await formPost("not a url")).status).toBe(400);
});

test("hostile forwarding, routing and origin headers never get a server error and change nothing", async ({
  page,
  learner,
  baseURL,
}) => {
  allowAtLeast(RUNS * 600);
  expect(learner.email).toBeTruthy();
  const request = page.context().request;
  const progressBefore = await (await request.get("/api/roadmaps/backend-developer/progress")).json();
  const cookie = await cookieHeader(page.context());
  const statusAction = serverActionId("lib/actions/progress.ts", "setMilestoneStatusAction");
  const ownHost = new URL(baseURL!).host;
  const routerState = (tree: unknown) => encodeURIComponent(JSON.stringify(tree));
  let tried = 0;

  const anyValue = fc.oneof(
    fc.constantFrom(
      "",
      " ",
      "a b",
      "null",
      "javascript",
      "%",
      "%zz",
      "\t",
      "a\tb",
      "[::1",
      "1.2.3.999",
      ":80",
      "x".repeat(10_000),
    ),
    fc.string({ maxLength: 100 }),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    // Any bytes but the line ends that would end the header (control characters included: Node refuses them).
    fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes.filter((byte) => byte !== 10 && byte !== 13))),
    fc
      .array(fc.oneof(fc.domain(), fc.constant(ownHost)), { minLength: 2, maxLength: 4 })
      .map((list) => list.join(", ")),
  );
  const valid: Record<string, fc.Arbitrary<string>> = {
    Host: fc.oneof(fc.constant(ownHost), fc.domain(), fc.ipV4(), fc.constant("[::1]:3000")),
    "X-Forwarded-Host": fc.oneof(fc.constant(ownHost), fc.domain(), fc.constant("waymark.example:8443")),
    "X-Forwarded-Proto": fc.constantFrom("http", "https"),
    "X-Forwarded-For": fc.oneof(fc.ipV4(), fc.ipV6()),
    RSC: fc.constant("1"),
    "Next-Router-State-Tree": fc.oneof(
      fc.constant(routerState(["", { children: ["roadmaps", { children: [["slug", "x", "d", null], {}] }] }])),
      fc.jsonValue({ maxDepth: 4 }).map(routerState),
    ),
    "Next-Router-Prefetch": fc.constantFrom("1", "2", "3"),
    "Next-Action": fc.constantFrom(statusAction, "0".repeat(42)),
    Origin: fc.oneof(
      fc.constant(`http://${ownHost}`),
      fc.webUrl().map((url) => new URL(url).origin),
    ),
  };
  // Mostly plausible values: a request must pass the proxy's checks to reach what lies behind them.
  const header = fc
    .constantFrom(...Object.keys(valid))
    .chain((name) =>
      fc.tuple(fc.constant(name), fc.oneof({ weight: 3, arbitrary: valid[name]! }, { weight: 1, arbitrary: anyValue })),
    );
  const target = fc.constantFrom(
    "GET /",
    "GET /sign-in",
    `GET ${ROADMAP}`,
    "GET /dashboard",
    "GET /api/health",
    "GET /api/auth/session",
    "GET /api/auth/csrf",
    "GET /api/roadmaps/backend-developer/progress",
    `POST ${ROADMAP}`,
  );

  await fc.assert(
    fc.asyncProperty(target, fc.array(header, { minLength: 1, maxLength: 5 }), async (line, headers) => {
      tried++;
      const [method, path] = line.split(" ") as [string, string];
      // A post of the status action whose milestone does not exist: one that runs changes nothing.
      const action = method === "POST";
      const response = await rawFollowing(baseURL!, {
        method,
        path,
        headers: [
          ["Cookie", cookie],
          ...(action
            ? ([
                ["Content-Type", "text/plain;charset=UTF-8"],
                ["Next-Action", statusAction],
              ] satisfies RawHeader[])
            : []),
          ...headers,
        ],
        body: action ? JSON.stringify([{ milestoneId: "no-such-milestone", status: "done" }]) : "",
      });
      const shown = headers.map(([name, value]) => `${name}: ${JSON.stringify(value.toString("latin1").slice(0, 80))}`);
      expect(response.status, `${line} ${shown.join(" | ")}`).toBeLessThan(500);
    }),
    { numRuns: RUNS * 2 },
  );

  console.info(`Hostile header requests tried: ${tried}`);
  expect(await (await request.get("/api/roadmaps/backend-developer/progress")).json()).toEqual(progressBefore);
});

test("sign-in posts with repeated, mixed-type or disguised fields never get a server error", async ({
  request,
  baseURL,
}) => {
  allowAtLeast(RUNS * 600);
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const csrfCookie = (await request.storageState()).cookies
    .filter((cookie) => cookie.name.includes("csrf-token"))
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join("; ");
  let tried = 0;

  const email = fc.constantFrom("victim@example.test", "decoy@x.test", "VICTIM@example.test ", "", "a@b");
  const name = fc.constantFrom("email", "password", "csrfToken", "callbackUrl", "email[]", "Email", "redirect");
  const value = fc.oneof(email, hostileText, fc.constant(csrfToken));
  const fields = fc.array(fc.tuple(name, value), { maxLength: 8 });
  const form = fields.map((pairs) => new URLSearchParams(pairs).toString());
  const body = fc.oneof(
    form,
    fc.tuple(form, form).map(([a, b]) => `${a}&${b}`),
    fields.map((pairs) => JSON.stringify(Object.fromEntries(pairs))),
    fc.jsonValue({ maxDepth: 3 }).map((json) => JSON.stringify(json)),
    hostileText,
  );
  const contentType = fc.oneof(
    fc.constantFrom(
      "application/x-www-form-urlencoded",
      "application/x-www-form-urlencoded; charset=UTF-8",
      "application/json",
      "application/x-www-form-urlencoded; x=application/json",
      "application/json; application/x-www-form-urlencoded",
      "text/plain",
      "multipart/form-data; boundary=x",
      "",
    ),
    fc.string({ maxLength: 40 }),
  );
  const path = fc.constantFrom(
    "/api/auth/callback/credentials",
    "/api/auth/callback/credentials/",
    "/api/auth/callback/credentials?email=victim@example.test",
    "/api/auth/signin/credentials",
  );

  await fc.assert(
    fc.asyncProperty(path, contentType, body, async (target, type, text) => {
      tried++;
      const response = await rawRequest(baseURL!, {
        method: "POST",
        path: target,
        headers: [
          ["Cookie", csrfCookie],
          ["Content-Type", type.replace(/[\r\n]/g, "")],
          ["X-Forwarded-For", `198.18.${tried % 250}.${Math.floor(tried / 250) % 250}`],
        ],
        body: text,
      });
      expect(response.status, `${target} ${type} ${text.slice(0, 120)}`).toBeLessThan(500);
    }),
    { numRuns: RUNS * 2 },
  );
  console.info(`Hostile sign-in posts tried: ${tried}`);
});
