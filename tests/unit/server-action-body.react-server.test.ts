/*
 * The proxy's check of server action bodies against React's own encoder and decoder, the
 * copies Next ships: whatever our client can encode passes, and whatever passes decodes, as
 * Next decodes it (a multipart body part by part as it streams in), to a list of arguments.
 */
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, isDecodableActionPost, type ActionPost } from "@/lib/server/server-action-body";
import nextConfig from "../../next.config.js";

type Reply = string | FormData;
type Decoding = PromiseLike<unknown>;
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<Reply>;
};
const { decodeReply, decodeReplyFromBusboy } =
  require("next/dist/compiled/react-server-dom-turbopack/server.node.js") as {
    decodeReply: (body: string, manifest: object) => Decoding;
    decodeReplyFromBusboy: (busboy: NodeJS.WritableStream, manifest: object) => Decoding;
  };
const busboy = require("next/dist/compiled/busboy") as (options: object) => NodeJS.WritableStream;

function postOf(body: Reply): ActionPost {
  return typeof body === "string" ? { kind: "fetch-text", text: body } : { kind: "fetch-form", form: body };
}

/** Decodes as Next does: text at once, a multipart body through busboy as it streams. */
function decodeAsNext(body: Reply): Decoding {
  if (typeof body === "string") return decodeReply(body, {});
  const encoded = new Response(body);
  const parser = busboy({ headers: { "content-type": encoded.headers.get("content-type") }, defParamCharset: "utf8" });
  const decoding = decodeReplyFromBusboy(parser, {});
  Readable.fromWeb(encoded.body! as import("node:stream/web").ReadableStream).pipe(parser);
  return decoding;
}

/**
 * Whether Next's decoder turns the body into a list of arguments it can spread into the action;
 * a reference it waits on forever counts as a failure.
 */
async function reactDecodes(body: Reply): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    setTimeout(() => resolve(false), 300);
    // React's chunk is a thenable whose `then` returns nothing: it cannot be chained.
    void decodeAsNext(body).then(
      (value) => resolve(Array.isArray(value) && value.length <= 1000),
      () => resolve(false),
    );
  });
}

function formOf(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [key, value] of entries) form.append(key, value);
  return form;
}

const text = fc.oneof(
  fc.string(),
  fc.constantFrom("$", "$$", "$x", "$1", "$@1", "$K1", "$0:0", "$undefined", "$D2026-11-22T00:00:00.000Z", "__proto__"),
);
const plain = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date(),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(text, tie("value"), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;
const formData = fc
  .array(fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 })), { maxLength: 4 })
  .map(formOf);
/** The same object or array in two places, as a previous result sent back by useActionState can be. */
const shared = fc
  .tuple(
    fc.oneof(
      fc.array(plain, { minLength: 1, maxLength: 3 }),
      fc.dictionary(text, plain, { minKeys: 1, noNullPrototype: true }),
    ),
    fc.string({ maxLength: 5 }),
  )
  .map(([value, key]) => ({ first: value, [`${key}again`]: [value, { value }] }));

describe("server action bodies", () => {
  it("lets through everything React's client encodes for the arguments our actions take", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(plain, formData, shared), { minLength: 1, maxLength: 3 }), async (args) => {
        const body = await encodeReply(args);
        expect(isDecodableActionPost(postOf(body))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("lets through only bodies React decodes", async () => {
    const reference = fc.oneof(
      fc
        .tuple(fc.constantFrom("", "@", "K", "Q", "W", "h", "T", "B", "i", "n", "D", "$", "u"), fc.nat(3))
        .map(([tag, id]) => `$${tag}${id.toString(16)}`),
      fc
        .tuple(fc.nat(3), fc.array(fc.constantFrom("0", "1", "a", "x", "__proto__"), { minLength: 1, maxLength: 3 }))
        .map(([id, keys]) => `$${id}:${keys.join(":")}`),
    );
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        reference,
        fc.string({ maxLength: 5 }),
        fc.array(tie("value"), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom("a", "x", "0", "1", "__proto__"), tie("value"), { maxKeys: 3 }),
      ),
    })).value;
    const part = fc.oneof(
      json.map((value) => JSON.stringify(value)),
      fc.string({ maxLength: 8 }),
    );
    const body = fc.oneof(part, fc.array(fc.tuple(fc.nat(3).map(String), part), { maxLength: 4 }).map(formOf));
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(body, async (reply) => {
        if (!isDecodableActionPost(postOf(reply))) return;
        accepted++;
        expect(await reactDecodes(reply), JSON.stringify(typeof reply === "string" ? reply : [...reply])).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(accepted).toBeGreaterThan(20);
  });

  it.each([
    ["text that is not JSON", "hello"],
    ["JSON that is not a list of arguments", '"hello"'],
    ["more arguments than Next passes", JSON.stringify(Array.from({ length: 1001 }, () => 0))],
    ["more array slots than React allows", JSON.stringify([Array.from({ length: 600_000 }, () => [0, 0])])],
    ["JSON cut short", '[{"milestoneId":'],
    ["a reference to a part a text body cannot have", '["$1"]'],
    ["a Map made of a missing part", '["$Q1"]'],
    ["a server function as an argument", '["$h1"]'],
    ["a path through a key React drops", '[{"__proto__":{"a":1}},"$0:0:__proto__:a"]'],
    ["nesting deep enough to exhaust the stack", `${"[".repeat(200_000)}${"]".repeat(200_000)}`],
  ])("refuses %s, as React would", async (_, body) => {
    expect(isDecodableActionPost({ kind: "fetch-text", text: body })).toBe(false);
    expect(await reactDecodes(body)).toBe(false);
  });

  it("refuses a form whose root is missing or comes before a part it uses", async () => {
    for (const form of [
      formOf([["1", "[]"]]),
      formOf([
        ["0", '["$1"]'],
        ["1", "{}"],
      ]),
    ]) {
      expect(isDecodableActionPost({ kind: "fetch-form", form })).toBe(false);
      expect(await reactDecodes(form)).toBe(false);
    }
  });

  it.each([
    ["a cycle", postOf('[{"a":["$0:0"]}]')],
    [
      "a part waiting on itself",
      postOf(
        formOf([
          ["1", '["$@1"]'],
          ["0", '["$1"]'],
        ]),
      ),
    ],
    [
      "a bound argument list that is not a list",
      {
        kind: "document-form",
        form: formOf([
          ["$ACTION_REF_1", ""],
          ["$ACTION_1:0", '{"id":"7f00","bound":{"a":1}}'],
        ]),
      },
    ],
  ] satisfies [string, ActionPost][])("refuses %s, which React decodes but our client never sends", (_, post) => {
    expect(isDecodableActionPost(post)).toBe(false);
  });

  it("refuses a reply repeating a big array more times than React counts", async () => {
    const big = JSON.stringify(Array.from({ length: 2000 }, () => 0));
    const form = formOf([
      ["1", big],
      ["0", JSON.stringify(Array.from({ length: 600 }, () => "$1"))],
    ]);
    expect(isDecodableActionPost({ kind: "fetch-form", form })).toBe(false);
    expect(await reactDecodes(form)).toBe(false);
  });

  it("checks the bound arguments of a form posted without JavaScript, and leaves other forms to Next", () => {
    const bound = (parts: [string, string][]) =>
      isDecodableActionPost({ kind: "document-form", form: formOf([["$ACTION_REF_1", ""], ...parts, ["email", "a"]]) });
    expect(
      bound([
        ["$ACTION_1:0", '{"id":"7f00","bound":"$@1"}'],
        ["$ACTION_1:1", "[null]"],
      ]),
    ).toBe(true);
    expect(bound([["$ACTION_1:0", '{"id":"7f00","bound":null}']])).toBe(true);
    expect(bound([["$ACTION_1:0", '{"id":"7f00","bound":"$@1"}']])).toBe(false);
    expect(
      bound([
        ["$ACTION_1:0", '{"id":"7f00","bound":"$@1"}'],
        ["$ACTION_1:1", "null"],
      ]),
    ).toBe(false);
    expect(
      bound([
        ["$ACTION_1:0", '{"id":"7f00","bound":"$@1"}'],
        ["$ACTION_1:1", JSON.stringify(Array(1001).fill(0))],
      ]),
    ).toBe(false);
    expect(bound([["$ACTION_1:0", "{"]])).toBe(false);
    expect(isDecodableActionPost({ kind: "document-form", form: formOf([["name", "Ada"]]) })).toBe(true);
  });

  it("checks a form of 50,000 parts, each used once, in one pass over its fields", () => {
    const count = 50_000;
    const form = formOf([
      ...Array.from({ length: count }, (_, i): [string, string] => [String(i + 1), "{}"]),
      ["0", JSON.stringify([Array.from({ length: count }, (_, i) => `$${(i + 1).toString(16)}`)])],
    ]);
    expect(isDecodableActionPost({ kind: "fetch-form", form })).toBe(true);
  });

  it("knows the body size limit next.config.js gives Next", () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(`${ACTION_BODY_LIMIT_BYTES / 1024 / 1024}mb`);
  });
});
