import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** The test runners' commands, by the package that ships each. */
const PACKAGE_OF = { vitest: "vitest", playwright: "@playwright/test" } as const;
export type Bin = keyof typeof PACKAGE_OF;

const require = createRequire(import.meta.url);

/** The script behind a package's command, as npm would link it into node_modules/.bin. */
function binScript(bin: Bin): string {
  const manifest = require.resolve(`${PACKAGE_OF[bin]}/package.json`);
  const { bin: bins } = JSON.parse(readFileSync(manifest, "utf8")) as { bin: string | Record<string, string> };
  return path.join(path.dirname(manifest), typeof bins === "string" ? bins : bins[bin]!);
}

/**
 * Runs a test runner's command in the foreground with this Node (no shell, no npx: spawning
 * npx.cmd without a shell fails on Windows, nodejs/node#52681) and this process's environment
 * plus `env`; returns its exit code.
 */
export function runBin(bin: Bin, args: string[], env: Record<string, string> = {}): number {
  const run = spawnSync(process.execPath, [binScript(bin), ...args], {
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  return run.status ?? 1;
}
