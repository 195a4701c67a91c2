import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { adminExec, databaseUrl, dropDatabasesWithPrefix } from "./postgres-admin";
import { sessionCutoffs } from "@/lib/domain/session-lifetimes";

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate: string;
    postgresPrefix: string;
  }
}

/*
 * One template database per run, migrated and synced once; every test file then gets a
 * copy of its own (CREATE DATABASE … TEMPLATE is a fast file copy). All are dropped at the end.
 */
export default async function setup(project: TestProject) {
  const prefix = `waymark_test_${Date.now().toString(36)}_${process.pid}`;
  const template = `${prefix}_template`;
  await adminExec(`create database "${template}"`);
  const handle = openDatabase({ databaseUrl: databaseUrl(template) });
  try {
    await prepareDatabase(handle, sessionCutoffs(new Date()));
  } finally {
    await handle.close();
  }
  project.provide("postgresTemplate", template);
  project.provide("postgresPrefix", prefix);
  return () => dropDatabasesWithPrefix(prefix);
}
