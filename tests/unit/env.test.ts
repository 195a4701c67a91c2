import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigurationError, emailIsOff, parseEnv, publicBaseUrl, resolveAuthSecret } from "@/lib/server/env";

const SECRET = "s".repeat(32);

describe("parseEnv", () => {
  it("starts in development with data in ./.data when nothing is configured", () => {
    const env = parseEnv({});
    expect(env.NODE_ENV).toBe("development");
    expect(env.DATA_DIR).toBe("./.data");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
  });

  it("treats empty settings as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", DATA_DIR: "", AUTH_SECRET: "", AUTH_GITHUB_ID: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe("./.data");
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(env.AUTH_GITHUB_ID).toBeUndefined();
  });

  it.each(["postgres://u:p@db:5432/waymark", "postgresql://db/waymark"])("accepts the database URL %s", (url) => {
    expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it.each(["mysql://db/waymark", "db.example:5432"])(
    "refuses the non-Postgres database URL %s, naming the setting",
    (url) => {
      expect(() => parseEnv({ DATABASE_URL: url })).toThrow(ConfigurationError);
      expect(() => parseEnv({ DATABASE_URL: url })).toThrow(/DATABASE_URL/);
    },
  );

  it("refuses an AUTH_SECRET shorter than 32 characters", () => {
    expect(() => parseEnv({ AUTH_SECRET: "s".repeat(31) })).toThrow(/AUTH_SECRET/);
    expect(parseEnv({ AUTH_SECRET: SECRET }).AUTH_SECRET).toBe(SECRET);
  });

  it("refuses an unknown NODE_ENV", () => {
    expect(() => parseEnv({ NODE_ENV: "staging" })).toThrow(ConfigurationError);
  });
});

describe("resolveAuthSecret", () => {
  const dirs: string[] = [];
  function tempDataDir(): string {
    const dir = mkdtempSync(path.join(tmpdir(), "waymark-env-"));
    dirs.push(dir);
    return dir;
  }
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("uses the configured AUTH_SECRET without touching the disk", () => {
    const log = vi.fn();
    const dataDir = path.join(tempDataDir(), "unused");
    const env = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://db/w",
      AUTH_SECRET: SECRET,
      DATA_DIR: dataDir,
    });
    expect(resolveAuthSecret(env, log)).toBe(SECRET);
    expect(log).not.toHaveBeenCalled();
    expect(() => statSync(dataDir)).toThrow();
  });

  it("refuses to start in production on a shared database without a secret", () => {
    const env = parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/w", DATA_DIR: tempDataDir() });
    expect(() => resolveAuthSecret(env, vi.fn())).toThrow(ConfigurationError);
    expect(() => resolveAuthSecret(env, vi.fn())).toThrow(/AUTH_SECRET/);
  });

  it("generates a secret once, says so once, and keeps it across restarts", () => {
    const log = vi.fn();
    const dataDir = path.join(tempDataDir(), "nested", "data");
    const env = parseEnv({ DATA_DIR: dataDir });

    const first = resolveAuthSecret(env, log);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(log).toHaveBeenCalledTimes(1);

    const second = resolveAuthSecret(env, log);
    expect(second).toBe(first);
    expect(log).toHaveBeenCalledTimes(1);
    expect(readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim()).toBe(first);
  });

  it("saves the generated secret readable by its owner only", () => {
    const dataDir = tempDataDir();
    resolveAuthSecret(parseEnv({ DATA_DIR: dataDir }), vi.fn());
    expect(statSync(path.join(dataDir, "auth-secret")).mode & 0o777).toBe(0o600);
  });

  it("generates a secret in production with the embedded database", () => {
    const log = vi.fn();
    const env = parseEnv({ NODE_ENV: "production", DATA_DIR: tempDataDir() });
    const secret = resolveAuthSecret(env, log);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(log).toHaveBeenCalledTimes(1);
  });
});

describe("mail settings", () => {
  it.each(["smtp://mail.example:587", "smtps://user:pass@mail.example:465"])("accepts SMTP_URL %s", (url) => {
    expect(parseEnv({ SMTP_URL: url }).SMTP_URL).toBe(url);
  });

  it.each(["http://mail.example", "mail.example:25", "smtp:// spaced"])(
    "refuses SMTP_URL %s with how it should look",
    (url) => {
      expect(() => parseEnv({ SMTP_URL: url })).toThrow(/SMTP_URL must look like smtp:\/\//);
    },
  );

  it("says email is off only in production on Postgres without SMTP_URL", () => {
    const postgres = { DATABASE_URL: "postgres://db/waymark", AUTH_SECRET: SECRET };
    expect(emailIsOff(parseEnv({ ...postgres, NODE_ENV: "production" }))).toBe(true);
    expect(emailIsOff(parseEnv({ ...postgres, NODE_ENV: "production", SMTP_URL: "smtp://mail:25" }))).toBe(false);
    expect(emailIsOff(parseEnv({ NODE_ENV: "production" }))).toBe(false);
    expect(emailIsOff(parseEnv(postgres))).toBe(false);
  });

  it("starts mailed links with AUTH_URL, without a trailing slash", () => {
    expect(publicBaseUrl(parseEnv({ AUTH_URL: "https://waymark.example/" }))).toBe("https://waymark.example");
  });
});
