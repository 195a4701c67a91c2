import { describe, expect, it } from "vitest";
import { z } from "zod";
import { evidenceLinkSchema } from "@/lib/domain/evidence-link-schema";
import { evidenceLinkProblems } from "@/lib/domain/evidence-rules";

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
];

describe("evidence link rules", () => {
  it.each(cases)("say the same in the browser and on the server for %o", (input) => {
    const parsed = evidenceLinkSchema.safeParse(input);
    const server = parsed.success ? null : z.flattenError(parsed.error).fieldErrors;
    expect(evidenceLinkProblems(input)).toEqual(server);
  });
});
