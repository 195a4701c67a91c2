import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { DatabaseTarget } from "../db/client";

export type FreshDatabase = {
  driver: "pglite" | "postgres";
  target: DatabaseTarget;
  server: { databaseUrl: string } | { dataDir: string };
  dispose: () => Promise<void>;
};

/** A new, empty database for one run: on BENCH_DATABASE_URL's server when set, else embedded. */
export async function freshDatabase(): Promise<FreshDatabase> {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (adminUrl) {
    const name = `waymark_bench_${Date.now()}_${process.pid}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      driver: "postgres",
      target: { databaseUrl: url.toString() },
      server: { databaseUrl: url.toString() },
      dispose: async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "waymark-bench-"));
  return {
    driver: "pglite",
    target: { pgliteDir: path.join(dataDir, "pglite") },
    server: { dataDir },
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
