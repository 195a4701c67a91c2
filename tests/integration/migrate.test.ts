import { describe, expect, inject, it } from "vitest";
import { openDatabase } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { checkReadiness } from "@/db/readiness";
import { adminExec, databaseUrl } from "./postgres-admin";
import { sessionCutoffs } from "@/lib/domain/session-lifetimes";

// Several app servers share one Postgres; the embedded database belongs to one process.
describe.runIf(process.env.DATABASE_URL)("migrations on a shared database", () => {
  it("servers starting at once on an empty database all start, and it is migrated once", async () => {
    const name = `${inject("postgresPrefix")}_empty_${Math.random().toString(36).slice(2, 10)}`;
    await adminExec(`create database "${name}"`);
    const servers = Array.from({ length: 4 }, () => openDatabase({ databaseUrl: databaseUrl(name) }));
    try {
      await Promise.all(servers.map((server) => prepareDatabase(server, sessionCutoffs(new Date()))));
      expect(await checkReadiness(servers[0]!.db)).toEqual({ ready: true });
    } finally {
      await Promise.all(servers.map((server) => server.close()));
      await adminExec(`drop database if exists "${name}" with (force)`);
    }
  });
});
