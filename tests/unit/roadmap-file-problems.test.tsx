import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { roadmapContentSchema } from "@/db/content/content-schema";
import { RoadmapFileProblems } from "@/components/roadmap-file-problems";
import { parseRoadmapFile } from "@/lib/domain/roadmap-file";

describe("showing a refused roadmap file's problems", () => {
  it("lists each problem with its field and its line and column, and says nothing was created", () => {
    const result = parseRoadmapFile("slug: Not A Slug\ntitle: ''\nstages: []\n", "mine.yaml", roadmapContentSchema);
    if (result.ok) throw new Error("the file should be refused");
    const html = renderToStaticMarkup(<RoadmapFileProblems fileName="mine.yaml" problems={result.problems} />);
    expect(html).toContain("mine.yaml has 2 problems; nothing was created");
    expect(html).toContain('<code class="rounded bg-red-100 px-1 font-mono">slug</code>');
    expect(html).toContain("(line 1, column 1)");
    expect(html).toContain("(line 2, column 1)");
    expect(html).toContain('role="alert"');
  });

  it("shows a problem of the whole file without a field", () => {
    const html = renderToStaticMarkup(
      <RoadmapFileProblems fileName="big.json" problems={[{ path: "", message: "The file is too big." }]} />,
    );
    expect(html).toContain("big.json has a problem");
    expect(html).toContain('<li class="break-words">The file is too big.</li>');
  });
});
