import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/domain/safe-next-path";

describe("safeNextPath", () => {
  it.each(["/roadmaps/backend-developer#x", "/dashboard?x=1", "/", "/roadmaps/backend-developer?x=1#m"])(
    "returns to %s on this site",
    (path) => {
      expect(safeNextPath(path)).toBe(path);
    },
  );

  it.each([
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash trick", "/\\evil.example"],
    ["an absolute URL", "https://evil.example"],
    ["a relative path", "dashboard"],
    ["an empty string", ""],
    ["a tab that browsers strip into //", "/\t/evil.example"],
    ["a newline that browsers strip into //", "/\n/evil.example"],
    ["a carriage return that browsers strip into //", "/\r/evil.example"],
    ["an encoded backslash path that resolves off-site", "/\\\\evil.example"],
    ["a dot segment that normalises into //", "/.//evil.example"],
    ["an encoded dot segment that normalises into //", "/%2e//evil.example"],
    ["an encoded parent segment that normalises into //", "/%2E%2E//evil.example"],
    ["a parent segment that normalises into //", "/a/..//evil.example"],
    ["a dot segment before a backslash", "/./\\evil.example"],
    ["a dot segment after a tab", "/\t.//evil.example"],
  ])("sends %s to the dashboard", (_label, value) => {
    expect(safeNextPath(value)).toBe("/dashboard");
  });

  it("keeps an encoded path as the browser would send it", () => {
    expect(safeNextPath("/roadmaps/backend-developer%23x")).toBe("/roadmaps/backend-developer%23x");
  });

  it("sends missing or non-text values to the dashboard", () => {
    expect(safeNextPath(undefined)).toBe("/dashboard");
    expect(safeNextPath(null)).toBe("/dashboard");
    expect(safeNextPath(42)).toBe("/dashboard");
    expect(safeNextPath(["/settings"])).toBe("/dashboard");
  });

  // What browsers and URL parsers strip, decode or read as a separator or another host.
  const pieces = fc.constantFrom(
    "/",
    "\\",
    ".",
    "..",
    "%2e",
    "%2E",
    "%2f",
    "%5c",
    "%252e",
    "//",
    "\t",
    "\n",
    "\r",
    " ",
    "@",
    ":",
    "evil.example",
    "127.0.0.1",
    "[::1]",
    "localhost:3000",
    "https:",
    "javascript:",
    "?",
    "#",
    "&",
    "=",
    "a",
  );
  const pathLike = fc.oneof(
    fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join("")),
    fc.array(pieces, { maxLength: 12 }).map((parts) => `/${parts.join("")}`),
    fc
      .tuple(fc.array(pieces, { maxLength: 6 }), fc.string({ maxLength: 8 }))
      .map(([parts, text]) => `/${parts.join("")}${text}`),
  );
  const baseOrigin = fc
    .tuple(
      fc.constantFrom("http", "https"),
      fc.domain(),
      fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: undefined }),
    )
    .map(([scheme, host, port]) => new URL(`${scheme}://${host}${port === undefined ? "" : `:${port}`}`).origin);

  it("always answers a path that stays on whatever site it is resolved against", () => {
    fc.assert(
      fc.property(pathLike, baseOrigin, (value, origin) => {
        const next = safeNextPath(value);
        expect(next.startsWith("/")).toBe(true);
        expect(new URL(next, `${origin}/sign-in?next=x`).origin).toBe(origin);
      }),
      { numRuns: 2_000 },
    );
  });

  it("answers a path that reads the same when parsed again", () => {
    fc.assert(
      fc.property(pathLike, (value) => {
        const next = safeNextPath(value);
        expect(safeNextPath(next)).toBe(next);
      }),
      { numRuns: 1_000 },
    );
  });
});
