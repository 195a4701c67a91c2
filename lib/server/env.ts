import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ConfigurationError, databaseEnvSchema, emptyAsUndefined, parseWith, resolveDataDir } from "../../db/config";

/*
 * The app's configuration: the database's settings (db/config.ts) and the rest. Parsed
 * lazily so that importing a module never touches configuration during `next build`.
 */
const envSchema = databaseEnvSchema.extend({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  AUTH_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  ),
  AUTH_GITHUB_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
  AUTH_GITHUB_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  AUTH_GOOGLE_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
  AUTH_GOOGLE_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  /**
   * How many proxies in front of the app append to X-Forwarded-For. 0: the connection's own
   * address is the client's, and whatever a client writes in the header is ignored.
   */
  TRUST_PROXY: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "TRUST_PROXY must be a whole number of proxies (0 when clients connect directly)" })
      .int("TRUST_PROXY must be a whole number of proxies (0 when clients connect directly)")
      .min(0, "TRUST_PROXY must be a whole number of proxies (0 when clients connect directly)")
      .max(10, "TRUST_PROXY counts proxies in front of the app: at most 10")
      .default(0),
  ),
  /** The public address (`https://waymark.example`): Auth.js's, and the one every mailed link points at. */
  AUTH_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ error: "AUTH_URL must be the site's address, like https://waymark.example" }).optional(),
  ),
  /** Where mail goes (`smtp://` or `smtps://user:pass@host:port`); without it, mails are written to DATA_DIR/outbox. */
  SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host:465")
      .optional(),
  ),
  /** The sender of every mail, as `Name <address>` or an address. */
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().min(3).max(200).default("Waymark <no-reply@waymark.localhost>")),
  /** "1" only while `npm run bench` drives the app: switches on its baseline routes and counters. */
  WAYMARK_BENCH: z.preprocess(emptyAsUndefined, z.enum(["1"]).optional()),
});

export type Env = z.infer<typeof envSchema>;

export { ConfigurationError };

export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith(envSchema, source);
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

const AUTH_SECRET_FILE = "auth-secret";

/**
 * AUTH_SECRET from the environment, or one generated on first start and kept in the
 * data dir so sessions survive restarts. A production deployment on a shared Postgres
 * must be configured explicitly: a secret on one server's disk would sign out users
 * whenever another server answers.
 */
export function resolveAuthSecret(
  env: Env,
  log: (message: string) => void = (message) => console.info(message),
): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production" && env.DATABASE_URL) {
    throw new ConfigurationError(
      "AUTH_SECRET is not set. In production with DATABASE_URL, set AUTH_SECRET to a random string of at least 32 characters (for example: openssl rand -base64 33).",
    );
  }
  const dataDir = resolveDataDir(env);
  const file = path.join(dataDir, AUTH_SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(33).toString("base64url");
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process generated it first: use theirs, so both sign the same sessions.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
  log(`AUTH_SECRET was not set: generated one and saved it to ${file}`);
  return secret;
}

/**
 * Email is off when a production deployment on Postgres has no SMTP_URL: mails would only land
 * as files on one server's disk, where nobody reads them. A local start keeps its outbox files.
 */
export function emailIsOff(env: Env): boolean {
  return !env.SMTP_URL && env.NODE_ENV === "production" && Boolean(env.DATABASE_URL);
}

/** The address mailed links start with: AUTH_URL, or this machine's own server for a local start. */
export function publicBaseUrl(env: Env): string {
  return (env.AUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/+$/, "");
}
