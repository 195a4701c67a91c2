import { afterAll, beforeAll, inject } from "vitest";
import { adminExec, databaseUrl } from "./postgres-admin";

const name = `${inject("postgresPrefix")}_${Math.random().toString(36).slice(2, 10)}`;
process.env.DATABASE_URL = databaseUrl(name);

beforeAll(async () => {
  await adminExec(`create database "${name}" template "${inject("postgresTemplate")}"`);
});

afterAll(async () => {
  const { getDatabaseHandle } = await import("@/db/client");
  await getDatabaseHandle().close();
  await adminExec(`drop database if exists "${name}" with (force)`);
});
