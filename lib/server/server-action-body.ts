/*
 * Next decodes a server action's arguments from React's reply format before any of our code
 * runs, and answers a body that does not decode (broken multipart, text that is not JSON, a
 * reference to a part that is not there, too many arguments) with a 500. The proxy checks a
 * posted body against the part of that format our own client sends, so such a post gets a 400
 * instead. Our client sends a list of arguments: JSON with plain values, `$undefined`-style
 * constants, `$$`-escaped strings, dates, FormData (`$K…`, its fields prefixed), references to
 * earlier parts of the body (`$1`, `$@1`, bound arguments) and paths to a value sent twice
 * (`$0:0:x`). Maps, sets, blobs outside a FormData, typed arrays, streams, server functions
 * and temporary references (`$Q`, `$W`, `$B`, `$T`, …) are refused: no action of ours takes one.
 *
 * This file stands alone (only proxy.ts uses it) so it can go in one piece: delete it and its
 * checks in proxy.ts once Next answers undecodable action bodies with a 4xx itself (the 500s
 * are reported with the broken-escape one in vercel/next.js#92527). Its tests
 * (tests/unit/server-action-body.react-server.test.ts, tests/e2e/hostile-requests.spec.ts)
 * say whether that day has come: with the check removed they must still see no 5xx.
 */

/** A post's body as the proxy reads it. */
export type ActionPost =
  /** Next-Action header, body not multipart: the whole body is the reply's root part. */
  | { kind: "fetch-text"; text: string }
  /** Next-Action header, multipart body: part "0" is the root; Next decodes parts as they arrive. */
  | { kind: "fetch-form"; form: FormData }
  /** A multipart post without the header: a form submitted before JavaScript ran, or no action at all. */
  | { kind: "document-form"; form: FormData };

/** Next's `serverActions.bodySizeLimit` (next.config.js): Next answers a longer fetch post with a 500. */
export const ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024;
// Next's limit on an action's arguments, and React's on bound ones.
const ARGUMENT_LIMIT = 1000;
// React's default budget of array slots in one reply; references count the slots they point at.
const ARRAY_SLOT_LIMIT = 1_000_000;

const CONSTANTS = new Set(["$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0"]);
const PART_REFERENCE = /^\$(@?)([0-9a-f]{1,8})$/;
const PATH_REFERENCE = /^\$([0-9a-f]{1,8})((?::[^:]*)+)$/;
const FORM_DATA_REFERENCE = /^\$K[0-9a-f]{1,8}$/;
const DATE = /^\$D[\d\-:.TZ+]{1,40}$/;
const ACTION_REF_FIELD = "$ACTION_REF_";

class Undecodable extends Error {}

function refuse(): never {
  throw new Undecodable();
}

type Reply = {
  /** Part `id`'s text; null when it is absent, sent twice or a file. */
  part(id: number): string | null;
  /** Where part `id` arrived among the body's fields, when parts are decoded as they arrive. */
  arrival?(id: number): number;
};

/**
 * The reply in a form's fields under `prefix`, each field looked up once: a post may hold tens
 * of thousands of fields, and searching them for every reference would take quadratic time.
 */
function formReply(form: FormData, prefix: string, { streamed }: { streamed: boolean }): Reply {
  const fields = new Map<string, { values: FormDataEntryValue[]; arrival: number }>();
  let arrival = 0;
  for (const [key, value] of form) {
    const field = fields.get(key);
    if (field) field.values.push(value);
    else fields.set(key, { values: [value], arrival });
    arrival++;
  }
  return {
    // Our client never sends a part twice.
    part: (id) => {
      const values = fields.get(`${prefix}${id}`)?.values;
      return values?.length === 1 && typeof values[0] === "string" ? values[0] : null;
    },
    arrival: streamed ? (id) => fields.get(`${prefix}${id}`)?.arrival ?? -1 : undefined,
  };
}

/** The array slots React counts for a reference to this value: its arrays' lengths and strings' lengths. */
function weightOf(value: unknown, weights: WeakMap<object, number>): number {
  if (typeof value === "string") return value.length;
  if (value === null || typeof value !== "object") return 0;
  const known = weights.get(value);
  if (known !== undefined) return known;
  const items = Object.values(value);
  const weight = items.reduce<number>(
    (sum, item) => sum + weightOf(item, weights),
    Array.isArray(value) ? value.length + 1 : 0,
  );
  weights.set(value, weight);
  return weight;
}

/**
 * Walks the reply from its root part and returns the root's value; throws Undecodable on
 * anything React would fail on or our client never sends.
 */
function decodeReplyShape(reply: Reply): unknown {
  const values = new Map<number, unknown>();
  const costs = new Map<number, number>();
  const decoding = new Set<number>();
  const weights = new WeakMap<object, number>();
  // Where the walk is inside the part it is in: a path reference must not point at an ancestor.
  const pathInPart: string[] = [];
  let slots = 0;

  function spend(count: number) {
    slots += count;
    if (slots > ARRAY_SLOT_LIMIT) refuse();
  }

  function partValue(id: number): unknown {
    if (!values.has(id)) values.set(id, JSON.parse(reply.part(id) ?? refuse()));
    return values.get(id);
  }

  /** Checks part `id` once; returns the slots a reference to it costs. */
  function checkPart(id: number, from: number | null): number {
    if (from !== null && reply.arrival) {
      // Decoded as it streams in, a part can only use parts that arrived before it.
      const arrived = reply.arrival(id);
      if (arrived < 0 || arrived >= reply.arrival(from)) refuse();
    }
    const known = costs.get(id);
    if (known !== undefined) return known;
    if (decoding.has(id)) refuse();
    decoding.add(id);
    const outer = pathInPart.splice(0);
    const before = slots;
    checkValue(partValue(id), id, true);
    pathInPart.push(...outer);
    decoding.delete(id);
    const cost = slots - before;
    costs.set(id, cost);
    return cost;
  }

  /** Checks a `$<part>:<key>:…` reference; returns the slots it costs. */
  function checkPath(id: number, keys: string[], from: number): number {
    if (id === from && keys.length <= pathInPart.length && keys.every((key, i) => key === pathInPart[i])) refuse();
    if (id !== from) checkPart(id, from);
    let value = partValue(id);
    for (const key of keys) {
      if (key === "__proto__" || value === null || typeof value !== "object" || !Object.hasOwn(value, key)) refuse();
      value = (value as Record<string, unknown>)[key];
      // Through another reference React would have to resolve first: our client never sends one.
      if (typeof value === "string" && value.startsWith("$") && !value.startsWith("$$")) refuse();
    }
    return weightOf(value, weights);
  }

  function checkString(value: string, part: number, inArray: boolean) {
    if (!value.startsWith("$")) {
      if (inArray) spend(value.length);
      return;
    }
    if (value.startsWith("$$")) {
      if (inArray) spend(value.length - 1);
      return;
    }
    if (CONSTANTS.has(value) || DATE.test(value) || FORM_DATA_REFERENCE.test(value)) return;
    const reference = PART_REFERENCE.exec(value);
    if (reference) {
      const cost = checkPart(parseInt(reference[2]!, 16), part);
      if (inArray) spend(cost);
      return;
    }
    const path = PATH_REFERENCE.exec(value) ?? refuse();
    const cost = checkPath(parseInt(path[1]!, 16), path[2]!.slice(1).split(":"), part);
    if (inArray) spend(cost);
  }

  function checkValue(value: unknown, part: number, inArray: boolean) {
    if (typeof value === "string") return checkString(value, part, inArray);
    if (value === null || typeof value !== "object") return;
    if (Array.isArray(value)) spend(value.length + 1);
    for (const [key, item] of Object.entries(value)) {
      pathInPart.push(key);
      checkValue(item, part, Array.isArray(value));
      pathInPart.pop();
    }
  }

  checkPart(0, null);
  return values.get(0);
}

function isArgumentList(value: unknown): boolean {
  return Array.isArray(value) && value.length <= ARGUMENT_LIMIT;
}

/** A form posted without JavaScript names its bound action in `$ACTION_<n>:0` as `{ id, bound }`. */
function checkDocumentForm(form: FormData) {
  const references = [...form.keys()].filter((key) => key.startsWith(ACTION_REF_FIELD));
  // A form and its submit button name at most one action each; Next refuses more.
  if (references.length > 2) refuse();
  for (const key of references) {
    const prefix = `$ACTION_${key.slice(ACTION_REF_FIELD.length)}:`;
    const reply = formReply(form, prefix, { streamed: false });
    // Without one descriptor, or with an unknown action, Next answers 400 itself.
    if (reply.part(0) === null) continue;
    const { bound } = (decodeReplyShape(reply) ?? refuse()) as { bound?: unknown };
    if (!bound) continue;
    // React spreads the bound arguments into the action: they must be a list.
    const boundPart = typeof bound === "string" ? PART_REFERENCE.exec(bound) : null;
    const boundValue: unknown = boundPart ? JSON.parse(reply.part(parseInt(boundPart[2]!, 16)) ?? refuse()) : bound;
    if (!isArgumentList(boundValue)) refuse();
  }
}

/** Whether Next can decode this post's arguments; false for bodies that would make it fail with a 500. */
export function isDecodableActionPost(post: ActionPost): boolean {
  try {
    switch (post.kind) {
      case "fetch-text":
        return isArgumentList(decodeReplyShape({ part: (id) => (id === 0 ? post.text : null) }));
      case "fetch-form":
        return isArgumentList(decodeReplyShape(formReply(post.form, "", { streamed: true })));
      case "document-form":
        checkDocumentForm(post.form);
        return true;
    }
  } catch (error) {
    // Undecodable, JSON that does not parse, or nesting deep enough to exhaust the stack, as it would React's.
    if (error instanceof Undecodable || error instanceof SyntaxError || error instanceof RangeError) return false;
    throw error;
  }
}
