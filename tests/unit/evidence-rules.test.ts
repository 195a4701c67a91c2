import { describe, expect, it } from "vitest";
import { z } from "zod";
import { evidenceLinkSchema } from "@/lib/domain/evidence-link-schema";
import { evidenceLinkProblems, withWebScheme } from "@/lib/domain/evidence-rules";

const cases = [
  { title: "Repository", url: "https://github.com/example/project" },
  { title: "  Write-up  ", url: "  http://blog.example.com/post  " },
  { title: "", url: "https://example.com" },
  { title: "t".repeat(121), url: "https://example.com" },
  { title: "Proof", url: "javascript:alert(1)" },
  { title: "Proof", url: "data:text/html,<b>hi</b>" },
  { title: "Proof", url: "ftp://files.example.com" },
  { title: "Proof", url: "" },
  { title: "", url: `https://example.com/${"a".repeat(2_000)}` },
  { title: "Repository", url: "github.com/example/project" },
  { title: "Local", url: "localhost:3000/demo" },
  { title: "Proof", url: "JavaScript:alert(1)" },
];

describe("evidence link rules", () => {
  it.each(cases)("say the same in the browser and on the server for %o", (input) => {
    const parsed = evidenceLinkSchema.safeParse(input);
    const server = parsed.success ? null : z.flattenError(parsed.error).fieldErrors;
    expect(evidenceLinkProblems(input)).toEqual(server);
  });
});

describe("an address without a scheme", () => {
  it.each([
    ["github.com/x", "https://github.com/x"],
    ["  www.example.com/post  ", "https://www.example.com/post"],
    ["//example.com/x", "https://example.com/x"],
    ["example.com:8080/x", "https://example.com:8080/x"],
  ])("%j is saved as %j", (typed, saved) => {
    expect(evidenceLinkProblems({ title: "Proof", url: typed })).toBeNull();
    expect(evidenceLinkSchema.parse({ title: "Proof", url: typed }).url).toBe(saved);
  });

  it.each(["javascript:alert(1)", "data:text/html,<b>hi</b>", "ftp://files.example.com", "mailto:me@example.com"])(
    "%j keeps its own scheme, and is refused",
    (typed) => {
      expect(withWebScheme(typed)).toBe(typed);
      expect(evidenceLinkProblems({ title: "Proof", url: typed })?.url).toBeDefined();
      expect(evidenceLinkSchema.safeParse({ title: "Proof", url: typed }).success).toBe(false);
    },
  );
});
