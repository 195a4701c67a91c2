import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/safe-next-path";

describe("safeNextPath", () => {
  it.each(["/roadmaps/backend-developer#x", "/dashboard?x=1", "/"])("returns to %s on this site", (path) => {
    expect(safeNextPath(path)).toBe(path);
  });

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
});
