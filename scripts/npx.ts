import { spawnSync } from "node:child_process";

const npx = process.platform === "win32" ? "npx.cmd" : "npx";

/** Runs `npx …` in the foreground with this process's environment plus `env`; returns its exit code. */
export function runNpx(command: string[], env: Record<string, string> = {}): number {
  return spawnSync(npx, command, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
}
