/*
 * The production build: `next build` with `output: "standalone"`, completed into a directory
 * that runs on its own — `node prepare.mjs && node server.js` inside it needs nothing else
 * (the Docker image copies just this directory).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { build } from "esbuild";

export const root = path.resolve(import.meta.dirname, "..");
export const standaloneDir = path.join(root, ".next", "standalone");
/** Written last by the build, so a build that stopped half-way counts as stale. */
const preparePath = path.join(standaloneDir, "prepare.mjs");

// db/ includes the migrations: the build copies them, and /api/ready checks for the latest one.
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "db",
  "public",
  "proxy.ts",
  "scripts/prepare.ts",
  "scripts/standalone.ts",
  "scripts/standalone-prepare.ts",
  "scripts/standalone-server.ts",
  "scripts/peer-address-hook.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package.json",
  "tsconfig.json",
];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

export function buildIsStale(): boolean {
  if (!existsSync(preparePath)) return true;
  const builtAt = statSync(preparePath).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(root, input)) > builtAt);
}

/*
 * V8 sizes its heap from the machine's memory, so on a large machine it collects late and
 * the production server's resident memory climbs past 500 MB under load though it needs far
 * less. A limit sized for the app makes it collect sooner (the benchmark measured ~250 MB,
 * no loss of throughput). NODE_OPTIONS may set another; the dev server keeps the default.
 * The Dockerfile sets the same number.
 */
export const PRODUCTION_HEAP_LIMIT_MB = 256;

/** The `next` command line, run with this Node rather than through a shell. */
export const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

export async function buildStandalone(): Promise<void> {
  rmSync(preparePath, { force: true });
  const next = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  if (next.status !== 0) throw new Error(`next build failed (exit code ${next.status ?? "none"}).`);

  // Next leaves these to the deployment (they are usually served by a CDN); this server serves them itself.
  cpSync(path.join(root, ".next", "static"), path.join(standaloneDir, ".next", "static"), { recursive: true });
  if (existsSync(path.join(root, "public"))) {
    cpSync(path.join(root, "public"), path.join(standaloneDir, "public"), { recursive: true });
  }
  // db/migrate.ts reads the migrations beside the module that holds it: here, prepare.mjs.
  cpSync(path.join(root, "db", "migrations"), path.join(standaloneDir, "migrations"), { recursive: true });
  // db/content/index.ts reads the built-in roadmap files the same way.
  cpSync(path.join(root, "db", "content", "roadmaps"), path.join(standaloneDir, "roadmaps"), { recursive: true });
  renameSync(path.join(standaloneDir, "server.js"), path.join(standaloneDir, "next-server.js"));
  await bundleForNode(path.join(root, "scripts", "standalone-server.ts"), path.join(standaloneDir, "server.js"), "esm");
  // PGlite loads its WebAssembly and data files from its own package, which the server's trace already copied.
  await bundleForNode(path.join(root, "scripts", "standalone-prepare.ts"), preparePath, "esm", [
    "@electric-sql/pglite",
  ]);
}

/** One script and what it imports, as one file Node runs without tsx or the project's sources. */
function bundleForNode(entry: string, outfile: string, format: "cjs" | "esm", external: string[] = []) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format,
    target: "node24",
    external,
    logLevel: "warning",
    // CommonJS packages bundled into ESM (yaml) require Node's own modules: give them a require.
    ...(format === "esm"
      ? {
          banner: {
            js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
          },
        }
      : {}),
  });
}

/** The peer-address hook for `next dev`, which loads it through NODE_OPTIONS=--require. */
export async function bundlePeerAddressHook(): Promise<string> {
  const outfile = path.join(root, ".next", "peer-address-hook.cjs");
  await bundleForNode(path.join(root, "scripts", "peer-address-hook.ts"), outfile, "cjs");
  return outfile;
}
