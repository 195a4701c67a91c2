import { describe, expect, it } from "vitest";
import {
  CSV_COLUMNS,
  defuseFormula,
  escapeMarkdown,
  exportedEventSchema,
  exportedMilestoneSchema,
  IMPORT_LIMITS,
  IMPORT_MAX_DEPTH,
  readExportEnvelope,
  toCsv,
  toMarkdown,
  waymarkExportSchema,
  type ExportedMilestone,
  type WaymarkExport,
} from "@/lib/domain/export-format";

function milestone(slug: string, changes: Partial<ExportedMilestone> = {}): ExportedMilestone {
  return {
    slug,
    title: `Learn ${slug}`,
    stage: "basics",
    archived: false,
    status: "not_started",
    startedAt: null,
    completedAt: null,
    note: null,
    evidence: [],
    ...changes,
  };
}

function exportOf(milestones: ExportedMilestone[]): WaymarkExport {
  return {
    format: "waymark-export",
    version: 1,
    exportedAt: "2026-03-01T10:00:00.000Z",
    account: { name: "Ada", email: "ada@example.test", timeZone: "Europe/Berlin" },
    roadmaps: [
      {
        slug: "backend-developer",
        title: "Backend Developer",
        startedAt: "2026-01-05T08:00:00.000Z",
        plannedStart: "2026-01-05",
        targetDate: null,
        stages: [
          { slug: "basics", title: "Basics" },
          { slug: "more", title: "More" },
        ],
        stageTargets: [{ stage: "more", targetDate: "2026-09-30" }],
        milestones,
        history: [],
      },
    ],
    feedback: [],
  };
}

/** A strict RFC 4180 reader, so the tests check what a spreadsheet would really see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 1;
    } else cell += char;
  }
  expect(quoted).toBe(false);
  expect(cell).toBe("");
  return rows;
}

describe("toCsv", () => {
  it("writes a header and one row per milestone", () => {
    const rows = parseCsv(
      toCsv(
        exportOf([
          milestone("sql", {
            status: "done",
            startedAt: "2026-01-06T09:00:00.000Z",
            completedAt: "2026-01-20T18:30:00.000Z",
            note: { body: "Finished the course", updatedAt: "2026-01-20T18:31:00.000Z" },
            evidence: [
              { title: "Repo", url: "https://github.com/ada/sql", addedAt: "2026-01-20T18:32:00.000Z" },
              { title: "Certificate", url: "https://example.com/cert", addedAt: "2026-01-21T09:00:00.000Z" },
            ],
          }),
          milestone("http"),
        ]),
      ),
    );
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[1]).toEqual([
      "backend-developer",
      "basics",
      "sql",
      "Learn sql",
      "done",
      "2026-01-06T09:00:00.000Z",
      "2026-01-20T18:30:00.000Z",
      "Finished the course",
      "Repo <https://github.com/ada/sql>; Certificate <https://example.com/cert>",
    ]);
    expect(rows[2]).toEqual(["backend-developer", "basics", "http", "Learn http", "not_started", "", "", "", ""]);
    expect(rows).toHaveLength(3);
  });

  it("quotes commas, quotes and line breaks so every cell reads back exactly", () => {
    const body = 'Line one, with a comma\nLine "two"\r\nLine three';
    const csv = toCsv(
      exportOf([
        milestone("tricky", {
          title: 'Say "hello", world',
          note: { body, updatedAt: "2026-01-20T18:31:00.000Z" },
          evidence: [{ title: "A, B", url: "https://example.com/?a=1&b=2", addedAt: "2026-01-20T18:32:00.000Z" }],
        }),
      ]),
    );
    expect(csv).toContain('"Say ""hello"", world"');
    const [, row] = parseCsv(csv);
    expect(row![3]).toBe('Say "hello", world');
    expect(row![7]).toBe(body);
    expect(row![8]).toBe("A, B <https://example.com/?a=1&b=2>");
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(defuseFormula(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    }
    expect(defuseFormula("Plain text = fine")).toBe("Plain text = fine");
    const [, row] = parseCsv(
      toCsv(
        exportOf([
          milestone("formula", {
            title: '=HYPERLINK("https://evil.test","click")',
            note: { body: "+1 for this", updatedAt: "2026-01-20T18:31:00.000Z" },
            evidence: [{ title: "@cmd", url: "https://example.com", addedAt: "2026-01-20T18:32:00.000Z" }],
          }),
        ]),
      ),
    );
    expect(row![3]).toBe(`'=HYPERLINK("https://evil.test","click")`);
    expect(row![7]).toBe("'+1 for this");
    expect(row![8]).toBe("'@cmd <https://example.com>");
  });
});

describe("toMarkdown", () => {
  it("lists each roadmap and stage as a checklist", () => {
    const markdown = toMarkdown(
      exportOf([
        milestone("sql", {
          status: "done",
          completedAt: "2026-01-20T23:30:00.000Z",
          evidence: [{ title: "Repo", url: "https://github.com/ada/sql", addedAt: "2026-01-20T18:32:00.000Z" }],
        }),
        milestone("http", { status: "in_progress" }),
        milestone("dsa", { status: "skipped" }),
        milestone("git"),
        milestone("docker", { stage: "more", archived: true, status: "done" }),
      ]),
    );
    expect(markdown).toContain("## Backend Developer\n\n### Basics\n\n");
    // Completion days are the learner's own: 23:30 UTC is already the 21st in Berlin.
    expect(markdown).toContain("- [x] Learn sql (done 2026-01-21)\n  - [Repo](<https://github.com/ada/sql>)\n");
    expect(markdown).toContain("- [ ] Learn http (in progress)\n");
    expect(markdown).toContain("- [ ] ~~Learn dsa~~ (skipped)\n");
    expect(markdown).toContain("- [ ] Learn git\n");
    expect(markdown).toContain("### More\n\n- [x] Learn docker (retired from the roadmap)\n");
    expect(markdown.indexOf("### Basics")).toBeLessThan(markdown.indexOf("### More"));
  });

  it("escapes Markdown in titles and keeps link addresses whole", () => {
    const markdown = toMarkdown(
      exportOf([
        milestone("html", {
          title: "Use <script> & *stars* [link](javascript:alert(1))\n# heading",
          evidence: [
            { title: "My `code`_here_", url: "https://example.com/a b(c)<d>", addedAt: "2026-01-20T18:32:00.000Z" },
          ],
        }),
      ]),
    );
    expect(markdown).toContain(
      "- [ ] Use \\<script\\> \\& \\*stars\\* \\[link\\]\\(javascript:alert\\(1\\)\\) \\# heading\n",
    );
    expect(markdown).toContain("  - [My \\`code\\`\\_here\\_](<https://example.com/a%20b(c)%3Cd%3E>)\n");
    expect(escapeMarkdown("  spaced\n\nout  ")).toBe("spaced out");
  });

  it("percent-encodes a backslash, so a link ending in one keeps its closing bracket", () => {
    const markdown = toMarkdown(
      exportOf([
        milestone("win", {
          evidence: [{ title: "Share", url: "https://example.com/share\\", addedAt: "2026-01-20T18:32:00.000Z" }],
        }),
      ]),
    );
    expect(markdown).toContain("  - [Share](<https://example.com/share%5C>)\n");
  });

  it("quotes each milestone's note under it, formatting kept, so nothing in it leaves the milestone", () => {
    const note = (body: string) => ({ body, updatedAt: "2026-01-20T18:32:00.000Z" });
    const markdown = toMarkdown(
      exportOf([
        milestone("sql", {
          note: note("Practise **JOINs**.\r\n\r\n# Next\n```sql\nSELECT 1;\n\n"),
          evidence: [{ title: "Repo", url: "https://github.com/ada/sql", addedAt: "2026-01-20T18:32:00.000Z" }],
        }),
        milestone("git", { note: note("  \n") }),
      ]),
    );
    expect(markdown).toContain(
      "- [ ] Learn sql\n  > Practise **JOINs**.\n  >\n  > # Next\n  > ```sql\n  > SELECT 1;\n  - [Repo](<https://github.com/ada/sql>)\n",
    );
    expect(markdown).toContain("- [ ] Learn git\n");
    expect(markdown).not.toContain("- [ ] Learn git\n  >");
  });

  it("says so when there is nothing to list", () => {
    expect(toMarkdown({ ...exportOf([]), roadmaps: [] })).toContain("Nothing to list yet");
  });
});

describe("the export schema", () => {
  it("accepts a version 1 export", () => {
    expect(waymarkExportSchema.safeParse(exportOf([milestone("sql")])).success).toBe(true);
  });

  it("rejects another version or format", () => {
    expect(waymarkExportSchema.safeParse({ ...exportOf([]), version: 2 }).success).toBe(false);
    expect(waymarkExportSchema.safeParse({ ...exportOf([]), format: "other-app" }).success).toBe(false);
  });

  it("rejects unknown statuses and dates that aren't dates", () => {
    expect(waymarkExportSchema.safeParse(exportOf([milestone("sql", { status: "finished" as "done" })])).success).toBe(
      false,
    );
    expect(waymarkExportSchema.safeParse(exportOf([milestone("sql", { startedAt: "last Tuesday" })])).success).toBe(
      false,
    );
  });

  it("words its complaints for the learner, naming the value", () => {
    const status = exportedMilestoneSchema.safeParse(milestone("sql", { status: "finished" as "done" }));
    expect(status.error?.issues[0]).toMatchObject({
      path: ["status"],
      message: "“finished” isn't one of not_started, in_progress, done, skipped.",
    });
    const at = exportedEventSchema.safeParse({ milestone: "sql", from: "done", to: "skipped", at: "last Tuesday" });
    expect(at.error?.issues[0]).toMatchObject({ path: ["at"], message: expect.stringContaining("“last Tuesday”") });
    expect(exportedEventSchema.safeParse([]).error?.issues[0]?.message).toBe("This entry isn't a status change.");
  });

  it("reads byMentor as a flag", () => {
    const event = { milestone: "sql", from: "done", to: "skipped", at: "2026-01-20T18:30:00.000Z" };
    expect(exportedEventSchema.safeParse({ ...event, byMentor: false }).success).toBe(true);
    expect(exportedEventSchema.safeParse({ ...event, byMentor: "yes" }).success).toBe(false);
  });

  it("explains why a file can't be imported at all", () => {
    expect(readExportEnvelope({ ...exportOf([]), version: 2 })).toEqual({
      ok: false,
      error: expect.stringContaining("version 2, made by a newer Waymark"),
    });
    expect(readExportEnvelope({ ...exportOf([]), version: "1" })).toMatchObject({ ok: false });
    expect(readExportEnvelope([1, 2, 3])).toEqual({
      ok: false,
      error: expect.stringContaining("isn't a Waymark export"),
    });
    expect(readExportEnvelope({ format: "waymark-export", version: 1, roadmaps: "all of them" })).toEqual({
      ok: false,
      error: expect.stringContaining("must be lists"),
    });
    expect(readExportEnvelope({ format: "waymark-export", version: 1, roadmaps: [{}] })).toEqual({
      ok: true,
      envelope: { format: "waymark-export", version: 1, roadmaps: [{}], feedback: [] },
    });
  });

  it("refuses a file with more roadmaps, or longer lists, than import reads", () => {
    const list = (count: number) => Array.from({ length: count }, () => ({}));
    const read = (entries: unknown[]) =>
      readExportEnvelope({ format: "waymark-export", version: 1, roadmaps: entries });
    expect(read(list(IMPORT_LIMITS.roadmaps))).toMatchObject({ ok: true });
    expect(read(list(IMPORT_LIMITS.roadmaps + 1))).toEqual({
      ok: false,
      error: "That export lists 21 roadmaps; Waymark imports up to 20 at a time. Nothing was changed.",
    });
    expect(read([{ milestones: list(IMPORT_LIMITS.milestonesPerRoadmap) }])).toMatchObject({ ok: true });
    expect(read([{}, { milestones: list(IMPORT_LIMITS.milestonesPerRoadmap + 1) }])).toEqual({
      ok: false,
      error: "roadmaps[1] lists 501 milestones; Waymark imports up to 500 a roadmap. Nothing was changed.",
    });
    expect(read([{ history: list(IMPORT_LIMITS.historyPerRoadmap + 1) }])).toMatchObject({
      ok: false,
      error: expect.stringContaining("50,001 history entries"),
    });
    expect(read([{ stageTargets: list(IMPORT_LIMITS.stageTargetsPerRoadmap + 1) }])).toMatchObject({ ok: false });
    expect(read([{ milestones: [{}, { evidence: list(IMPORT_LIMITS.evidencePerMilestone + 1) }] }])).toMatchObject({
      ok: false,
      error: expect.stringContaining("roadmaps[0].milestones[1] lists 101 evidence links"),
    });
  });

  /** `{"a":{"a":…}}` this many objects deep, parsed as import parses a file. */
  const nested = (depth: number) => JSON.parse(`${'{"a":'.repeat(depth)}"x"${"}".repeat(depth)}`) as unknown;
  const withNoteBody = (body: unknown) => ({
    ...exportOf([]),
    roadmaps: [{ slug: "backend-developer", milestones: [{ slug: "sql", note: { body } }], history: [] }],
  });

  it.each([5_000, 100_000])("refuses a note body nested %i deep, naming where, before anything reads it", (depth) => {
    expect(readExportEnvelope(withNoteBody(nested(depth)))).toEqual({
      ok: false,
      error: `roadmaps[0].milestones[0].note.body.a.a… is nested more than ${IMPORT_MAX_DEPTH} levels deep; no Waymark export is. Nothing was changed.`,
    });
  });

  it("reads nesting up to the limit, and names the first place in the file that goes past it", () => {
    // The body sits 6 levels in: the file, roadmaps, the roadmap, milestones, the milestone, the note.
    expect(readExportEnvelope(withNoteBody(nested(IMPORT_MAX_DEPTH - 6)))).toMatchObject({ ok: true });
    expect(readExportEnvelope(withNoteBody(nested(IMPORT_MAX_DEPTH - 5)))).toMatchObject({ ok: false });
    const lists = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`) as unknown;
    expect(readExportEnvelope({ ...exportOf([]), roadmaps: [{}, { "odd key": lists }, { history: lists }] })).toEqual({
      ok: false,
      error: expect.stringMatching(/^roadmaps\[1\]\[“odd key”\]\[0\]\[0\]\[0\]\[0\]\[0\]… is nested more than/),
    });
  });
});
