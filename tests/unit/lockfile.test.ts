/*
 * `npm ci` installs exactly the lock file, and npm before 11 recorded only the optional
 * binaries of the machine that wrote it (npm/cli#4828): a lock written on Linux then failed
 * on a Mac. Every package that ships prebuilt binaries per platform must keep its entries
 * for the platforms people develop and deploy on.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

type LockEntry = { os?: string[]; cpu?: string[]; optionalDependencies?: Record<string, string> };
const lock = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../package-lock.json"), "utf8")) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};

const REQUIRED_PLATFORMS = ["darwin-arm64", "darwin-x64", "win32-x64", "linux-arm64"];

/** The platforms (os-cpu) a package's optional binaries are recorded for, as npm resolves them beside it. */
function binaryPlatforms(location: string, entry: LockEntry): Set<string> {
  const platforms = new Set<string>();
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    const binary = lock.packages[`${location}/node_modules/${name}`] ?? lock.packages[`node_modules/${name}`];
    for (const os of binary?.os ?? []) for (const cpu of binary?.cpu ?? []) platforms.add(`${os}-${cpu}`);
  }
  return platforms;
}

/** Optional dependencies named for a platform: a package's prebuilt binaries, recorded or not. */
const PLATFORM_NAME = /(darwin|win32|linux|android|freebsd|openbsd|sunos|wasm)/;

describe("the lock file", () => {
  const natives = Object.entries(lock.packages)
    // One optional binary for one platform (fsevents, sharp's libvips) is not a per-platform build.
    .filter(
      ([, entry]) =>
        Object.keys(entry.optionalDependencies ?? {}).filter((name) => PLATFORM_NAME.test(name)).length >= 3,
    )
    .map(([location, entry]) => ({ location, platforms: binaryPlatforms(location, entry) }));

  it("is written by npm 7 or later", () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
  });

  it("finds the packages that ship per-platform binaries", () => {
    const names = natives.map(({ location }) => location.replace(/^.*node_modules\//, ""));
    expect(names).toEqual(expect.arrayContaining(["next", "@node-rs/argon2", "@tailwindcss/oxide", "esbuild"]));
  });

  it.each(REQUIRED_PLATFORMS)("keeps every native package's binary for %s", (platform) => {
    const missing = natives.filter(({ platforms }) => !platforms.has(platform)).map(({ location }) => location);
    expect(missing).toEqual([]);
  });
});
