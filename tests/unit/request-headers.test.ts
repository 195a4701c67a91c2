import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  actionOriginOf,
  headerProblemOf,
  isHost,
  publicOriginOf,
  SERVER_ACTION_ALLOWED_ORIGINS,
} from "@/lib/server/request-headers";
import nextConfig from "../../next.config.js";

/** A router state as Next's client sends it: the tree as JSON, percent-encoded. */
const routerState = (tree: unknown) => encodeURIComponent(JSON.stringify(tree));
const PAGE_STATE = routerState([
  "",
  { children: ["roadmaps", { children: [["slug", "x", "d", null], {}] }] },
  null,
  null,
]);

describe("isHost", () => {
  it.each([
    "localhost",
    "localhost:3000",
    "127.0.0.1:3123",
    "waymark.example",
    "WAYMARK.example:443",
    "app_1",
    "[::1]",
    "[::1]:3000",
    "xn--e1afmkfd.xn--p1ai",
  ])("accepts %s", (value) => {
    expect(isHost(value)).toBe(true);
  });

  it.each([
    ["empty", ""],
    ["a space", "a b"],
    ["a list", "a.example, b.example"],
    ["user info", "user@a.example"],
    ["a path", "a.example/x"],
    ["a scheme", "http://a.example"],
    ["a port only", ":80"],
    ["an empty port", "a.example:"],
    ["a port over 65535", "a.example:65536"],
    ["a port that is not a number", "a.example:x"],
    ["an IPv4 address out of range", "1.2.3.999"],
    ["an unclosed IPv6 literal", "[::1"],
    ["a percent escape", "a%20b"],
    ["unicode", "bücher.example"],
    ["a control character", "a\tb"],
    ["a very long name", "a".repeat(300)],
  ])("refuses %s", (_label, value) => {
    expect(isHost(value)).toBe(false);
  });

  it("accepts only hosts Auth.js can build its URLs on", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.domain(),
          fc.ipV4(),
          fc.ipV6().map((ip) => `[${ip}]`),
        ),
        fc.option(fc.integer({ min: -1, max: 70_000 }), { nil: undefined }),
        (name, port) => {
          const host = port === undefined ? name : `${name}:${port}`;
          if (isHost(host)) expect(() => new URL(`https://${host}/api/auth/session`)).not.toThrow();
        },
      ),
    );
  });
});

describe("headerProblemOf", () => {
  it("passes what browsers and proxies send", () => {
    expect(headerProblemOf(new Headers())).toBeNull();
    expect(
      headerProblemOf(
        new Headers({
          host: "127.0.0.1:3000",
          "x-forwarded-host": "waymark.example",
          "x-forwarded-proto": "https",
          rsc: "1",
          "next-router-state-tree": PAGE_STATE,
        }),
      ),
    ).toBeNull();
    expect(headerProblemOf(new Headers({ "x-forwarded-proto": "http" }))).toBeNull();
  });

  it.each([
    ["host", "a b", /Host/],
    ["host", "", /Host/],
    ["x-forwarded-host", "a b", /X-Forwarded-Host/],
    ["x-forwarded-host", "", /X-Forwarded-Host/],
    ["x-forwarded-host", "a.example, b.example", /X-Forwarded-Host/],
    ["x-forwarded-proto", "javascript", /X-Forwarded-Proto/],
    ["x-forwarded-proto", "https, http", /X-Forwarded-Proto/],
    ["x-forwarded-proto", "HTTPS", /X-Forwarded-Proto/],
    ["x-forwarded-proto", "", /X-Forwarded-Proto/],
    ["next-router-state-tree", "x", /Next-Router-State-Tree/],
    ["next-router-state-tree", "%", /Next-Router-State-Tree/],
    ["next-router-state-tree", routerState([]), /Next-Router-State-Tree/],
    ["next-router-state-tree", routerState(["", {}, null, "reload"]), /Next-Router-State-Tree/],
    ["next-router-state-tree", routerState(["x".repeat(40_000), {}]), /Next-Router-State-Tree/],
  ])("refuses %s: %j", (name, value, message) => {
    expect(headerProblemOf(new Headers({ [name]: value }))).toMatch(message);
  });

  it("reads the router state as Next does, percent-encoded or not", () => {
    expect(headerProblemOf(new Headers({ "next-router-state-tree": JSON.stringify(["", {}]) }))).toBeNull();
    expect(
      headerProblemOf(new Headers({ "next-router-state-tree": routerState(["", {}, null, "refetch"]) })),
    ).toBeNull();
  });
});

describe("actionOriginOf", () => {
  const check = (headers: Record<string, string>, allowed: string[] = []) =>
    actionOriginOf(new Headers(headers), allowed);

  it("allows the app's own origin, and a post without Origin as Next does", () => {
    expect(check({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" })).toBe("allowed");
    expect(check({ host: "127.0.0.1:3000" })).toBe("allowed");
    expect(check({ host: "app:3000", "x-forwarded-host": "waymark.example", origin: "https://waymark.example" })).toBe(
      "allowed",
    );
  });

  it("refuses another origin, an opaque one, or one with no host to compare with", () => {
    expect(check({ host: "127.0.0.1:3000", origin: "https://attacker.example" })).toBe("refused");
    expect(check({ host: "127.0.0.1:3000", origin: "null" })).toBe("refused");
    expect(check({ origin: "http://127.0.0.1:3000" })).toBe("refused");
    // Next compares with the forwarded host when there is one, not with Host.
    expect(
      check({ host: "waymark.example", "x-forwarded-host": "other.example", origin: "https://waymark.example" }),
    ).toBe("refused");
    // Next compares the Origin's normalised host with the header as sent.
    expect(check({ host: "waymark.example:443", origin: "https://waymark.example" })).toBe("refused");
  });

  it("takes the first forwarded host, as Next does, and allows the configured origins", () => {
    expect(check({ "x-forwarded-host": "waymark.example, proxy.internal", origin: "https://waymark.example" })).toBe(
      "allowed",
    );
    expect(check({ host: "waymark.example", origin: "https://preview.waymark.example" }, ["*.waymark.example"])).toBe(
      "allowed",
    );
    expect(check({ host: "waymark.example", origin: "https://evil.example" }, ["*.waymark.example"])).toBe("refused");
  });

  it("calls an Origin that is no URL malformed", () => {
    expect(check({ host: "waymark.example", origin: "zz" })).toBe("malformed");
    expect(check({ host: "waymark.example", origin: "" })).toBe("malformed");
  });

  it("uses the origins next.config.js allows", () => {
    expect(SERVER_ACTION_ALLOWED_ORIGINS).toEqual(nextConfig.experimental?.serverActions?.allowedOrigins ?? []);
  });
});

describe("publicOriginOf", () => {
  it("is the forwarded host and protocol, else Host over http", () => {
    expect(
      publicOriginOf(
        new Headers({ host: "10.0.0.5:3000", "x-forwarded-host": "waymark.example", "x-forwarded-proto": "https" }),
      ),
    ).toBe("https://waymark.example");
    expect(publicOriginOf(new Headers({ host: "localhost:3000" }))).toBe("http://localhost:3000");
  });

  it("is null when the headers name no valid origin", () => {
    expect(publicOriginOf(new Headers())).toBeNull();
    expect(publicOriginOf(new Headers({ host: "a b" }))).toBeNull();
    expect(publicOriginOf(new Headers({ host: "localhost", "x-forwarded-proto": "javascript" }))).toBeNull();
  });
});
