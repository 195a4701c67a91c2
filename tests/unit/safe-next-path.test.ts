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
  ])("sends %s to the dashboard", (_label, value) => {
    expect(safeNextPath(value)).toBe("/dashboard");
  });

  it("sends missing or non-text values to the dashboard", () => {
    expect(safeNextPath(undefined)).toBe("/dashboard");
    expect(safeNextPath(null)).toBe("/dashboard");
    expect(safeNextPath(42)).toBe("/dashboard");
    expect(safeNextPath(["/settings"])).toBe("/dashboard");
  });
});
