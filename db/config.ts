import path from "node:path";
import { z } from "zod";

/*
 * The database's own two settings. db/ reads them here so that it needs nothing from lib/;
 * lib/server/env.ts extends this schema with the rest of the app's configuration.
 */
export const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

export const databaseEnvSchema = z.object({
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("./.data")),
});

type DatabaseEnv = z.infer<typeof databaseEnvSchema>;

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

export function parseWith<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.output<S> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigurationError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  return result.data;
}

export function resolveDataDir(env: Pick<DatabaseEnv, "DATA_DIR">): string {
  return path.resolve(env.DATA_DIR);
}

export type DatabaseTarget = { databaseUrl: string } | { pgliteDir: string };

export function targetFromEnv(env: DatabaseEnv): DatabaseTarget {
  return env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { pgliteDir: path.join(resolveDataDir(env), "pglite") };
}

/** The database the process's own settings name. */
export function databaseTargetFromProcess(): DatabaseTarget {
  return targetFromEnv(parseWith(databaseEnvSchema, process.env));
}
