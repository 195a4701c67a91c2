/*
 * Next decodes a server action's arguments from React's reply format before any of our code
 * runs, and answers a body that does not decode (broken multipart, text that is not JSON, a
 * reference to a part that is not there) with a 500. The proxy checks a posted body against the
 * part of that format our own client sends, so such a post gets a 400 instead. What our client
 * sends: a list of arguments in JSON with plain values, `$undefined`-style constants, `$$`-escaped strings, dates, a
 * FormData (`$K…`, its fields prefixed), and references to other parts of the same body
 * (`$1`, `$@1`) for bound arguments. Anything else starting with `$` is refused.
 */

/** A post's body as the proxy reads it; `null` parts are absent. */
export type ActionPost =
  /** Next-Action header, body not multipart: the whole body is the reply's root part. */
  | { kind: "fetch-text"; text: string }
  /** Next-Action header, multipart body: part "0" is the root. */
  | { kind: "fetch-form"; form: FormData }
  /** A multipart post without the header: a form submitted before JavaScript ran, or no action at all. */
  | { kind: "document-form"; form: FormData };

const CONSTANTS = new Set(["$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0"]);
const PART_REFERENCE = /^\$@?([0-9a-f]{1,8})$/;
const FORM_DATA_REFERENCE = /^\$K[0-9a-f]{1,8}$/;
const DATE = /^\$D[\d\-:.TZ+]{1,40}$/;
const ACTION_REF_FIELD = "$ACTION_REF_";

type Part = (id: number) => FormDataEntryValue | null;

/** A form's part, when it holds exactly one: React cannot decode a part sent twice. */
function onlyValue(form: FormData, key: string): FormDataEntryValue | null {
  const values = form.getAll(key);
  return values.length === 1 ? values[0]! : null;
}

function isDecodableReply(part: Part, { rootIsArgumentList }: { rootIsArgumentList: boolean }): boolean {
  const decoded = new Set<number>();
  const decoding = new Set<number>();

  function isDecodablePart(id: number): boolean {
    if (decoded.has(id)) return true;
    // Our client never sends a cycle; React waits on one forever or fails.
    if (decoding.has(id)) return false;
    const text = part(id);
    if (typeof text !== "string") return false;
    decoding.add(id);
    const decodable = isDecodableValue(JSON.parse(text) as unknown);
    decoding.delete(id);
    if (decodable) decoded.add(id);
    return decodable;
  }

  function isDecodableValue(value: unknown): boolean {
    if (typeof value === "string") {
      if (!value.startsWith("$") || value.startsWith("$$") || CONSTANTS.has(value) || DATE.test(value)) return true;
      if (FORM_DATA_REFERENCE.test(value)) return true;
      const reference = PART_REFERENCE.exec(value);
      return reference !== null && isDecodablePart(parseInt(reference[1]!, 16));
    }
    if (Array.isArray(value)) return value.every(isDecodableValue);
    if (value !== null && typeof value === "object") return Object.values(value).every(isDecodableValue);
    return true;
  }

  if (rootIsArgumentList) {
    // Next spreads the root into the action's arguments: anything but a list makes it throw.
    const root = part(0);
    if (typeof root !== "string" || !Array.isArray(JSON.parse(root))) return false;
  }
  return isDecodablePart(0);
}

/** A form posted without JavaScript names its bound action in `$ACTION_<n>:0` as `{ id, bound }`. */
function isDecodableDocumentForm(form: FormData): boolean {
  const references = [...form.keys()].filter((key) => key.startsWith(ACTION_REF_FIELD));
  return references.every((key) => {
    const prefix = `$ACTION_${key.slice(ACTION_REF_FIELD.length)}:`;
    const metadata = onlyValue(form, `${prefix}0`);
    // Next refuses such a form itself, with a 400.
    if (typeof metadata !== "string") return true;
    const parsed = JSON.parse(metadata) as unknown;
    if (parsed === null || typeof parsed !== "object" || typeof (parsed as { id?: unknown }).id !== "string") {
      return false;
    }
    return isDecodableReply((id) => onlyValue(form, `${prefix}${id}`), { rootIsArgumentList: false });
  });
}

/** Whether Next can decode this post's arguments; false for bodies that would make it fail with a 500. */
export function isDecodableActionPost(post: ActionPost): boolean {
  try {
    switch (post.kind) {
      case "fetch-text":
        return isDecodableReply((id) => (id === 0 ? post.text : null), { rootIsArgumentList: true });
      case "fetch-form":
        return isDecodableReply((id) => onlyValue(post.form, String(id)), { rootIsArgumentList: true });
      case "document-form":
        return isDecodableDocumentForm(post.form);
    }
  } catch {
    // JSON that does not parse, or nesting deep enough to exhaust the stack, as it would React's.
    return false;
  }
}
