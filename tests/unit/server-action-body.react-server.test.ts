/*
 * The proxy's check of server action bodies against React's own encoder and decoder, the
 * copies Next ships: whatever our client can encode passes, and whatever passes decodes
 * (a body that does not decode is what made Next answer 500).
 */
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDecodableActionPost, type ActionPost } from "@/lib/server-action-body";

type Reply = string | FormData;
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<Reply>;
};
const { decodeReply } = require("next/dist/compiled/react-server-dom-turbopack/server.node.js") as {
  decodeReply: (body: Reply, manifest: object) => PromiseLike<unknown>;
};

function postOf(body: Reply): ActionPost {
  return typeof body === "string" ? { kind: "fetch-text", text: body } : { kind: "fetch-form", form: body };
}

/**
 * Whether Next's decoder turns the body into a list of arguments it can spread into the action;
 * a reference it waits on forever counts as a failure.
 */
async function reactDecodes(body: Reply): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    setTimeout(() => resolve(false), 200);
    // React's chunk is a thenable whose `then` returns nothing: it cannot be chained.
    void decodeReply(body, {}).then(
      (value) => resolve(Array.isArray(value)),
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
  fc.constantFrom("$", "$$", "$x", "$1", "$@1", "$K1", "$undefined", "$D2026-11-22T00:00:00.000Z", "__proto__"),
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

describe("server action bodies", () => {
  it("lets through everything React's client encodes for the arguments our actions take", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(plain, formData), { minLength: 1, maxLength: 3 }), async (args) => {
        const body = await encodeReply(args);
        expect(isDecodableActionPost(postOf(body))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("lets through only bodies React decodes", async () => {
    const reference = fc
      .tuple(fc.constantFrom("", "@", "K", "Q", "W", "h", "T", "B", "i", "n", "D", "$", "u"), fc.nat(3))
      .map(([tag, id]) => `$${tag}${id.toString(16)}`);
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        reference,
        fc.string({ maxLength: 5 }),
        fc.array(tie("value"), { maxLength: 3 }),
        fc.dictionary(fc.string({ maxLength: 3 }), tie("value"), { maxKeys: 3 }),
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
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it.each([
    ["text that is not JSON", "hello"],
    ["JSON that is not a list of arguments", '"hello"'],
    ["JSON cut short", '[{"milestoneId":'],
    ["a reference to a part a text body cannot have", '["$1"]'],
    ["a Map made of a missing part", '["$Q1"]'],
    ["a server function as an argument", '["$h1"]'],
    ["an object reached by a path", '[{"a":1},"$0:0"]'],
    ["nesting deep enough to exhaust the stack", `${"[".repeat(200_000)}${"]".repeat(200_000)}`],
  ])("refuses %s", (_, body) => {
    expect(isDecodableActionPost({ kind: "fetch-text", text: body })).toBe(false);
  });

  it("refuses a form whose root part is missing, or which refers to itself", () => {
    expect(isDecodableActionPost({ kind: "fetch-form", form: formOf([["1", "[]"]]) })).toBe(false);
    expect(
      isDecodableActionPost({
        kind: "fetch-form",
        form: formOf([
          ["0", '["$1"]'],
          ["1", '["$@1"]'],
        ]),
      }),
    ).toBe(false);
  });

  it("checks the bound arguments of a form posted without JavaScript, and leaves other forms to Next", () => {
    const bound = (parts: [string, string][]) =>
      isDecodableActionPost({ kind: "document-form", form: formOf([["$ACTION_REF_1", ""], ...parts, ["email", "a"]]) });
    expect(
      bound([
        ["$ACTION_1:0", '{"id":"7f00","bound":"$@1"}'],
        ["$ACTION_1:1", '["$undefined"]'],
      ]),
    ).toBe(true);
    expect(bound([["$ACTION_1:0", '{"id":"7f00","bound":"$@1"}']])).toBe(false);
    expect(bound([["$ACTION_1:0", '{"bound":null}']])).toBe(false);
    expect(bound([["$ACTION_1:0", "{"]])).toBe(false);
    expect(isDecodableActionPost({ kind: "document-form", form: formOf([["name", "Ada"]]) })).toBe(true);
  });
});
