import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { sessionCutoffs } from "@/lib/domain/session-lifetimes";

// Each test file gets its own embedded database in a fresh directory.
const dataDir = mkdtempSync(path.join(tmpdir(), "waymark-test-"));
process.env.DATA_DIR = dataDir;
delete process.env.DATABASE_URL;

beforeAll(async () => {
  const { getDatabaseHandle } = await import("@/db/client");
  const { prepareDatabase } = await import("@/db/prepare");
  await prepareDatabase(getDatabaseHandle(), sessionCutoffs(new Date()));
});

afterAll(async () => {
  const { getDatabaseHandle } = await import("@/db/client");
  await getDatabaseHandle().close();
  rmSync(dataDir, { recursive: true, force: true });
});
