import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb, openDatabase } from "@/db/client";
import { checkReadiness } from "@/db/readiness";

describe("readiness", () => {
  it("is ready on a migrated database", async () => {
    expect(await checkReadiness(getDb())).toEqual({ ready: true });
  });

  it("is not ready on a database that has never been migrated, and says why", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "waymark-unmigrated-"));
    const handle = openDatabase({ pgliteDir: dir });
    try {
      expect(await checkReadiness(handle.db)).toEqual({
        ready: false,
        problem: "unmigrated",
        reason: "The database has no migrations applied.",
      });
    } finally {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is not ready when the database cannot be reached", async () => {
    const handle = openDatabase({ databaseUrl: "postgres://postgres@127.0.0.1:1/nowhere" });
    try {
      expect(await checkReadiness(handle.db)).toEqual({
        ready: false,
        problem: "unreachable",
        reason: "Can't reach the database.",
      });
    } finally {
      await handle.close();
    }
  });
});
