/*
 * Bundled by `npm run build` into .next/standalone/prepare.mjs, the step the Docker image runs
 * before `node server.js` (npm start runs the same preparation from source). Like server.js,
 * it works from its own directory, so a relative DATA_DIR means the same place to both.
 */
import { getEnv, resolveAuthSecret } from "../lib/server/env";
import { exitOnStartFailure, prepareDatabaseToServe } from "./prepare";

process.chdir(import.meta.dirname);
Object.assign(process.env, { NODE_ENV: "production" });
try {
  const env = getEnv();
  // Refused here, before the server listens, rather than at the first sign-in.
  resolveAuthSecret(env);
  await prepareDatabaseToServe(env);
} catch (error) {
  exitOnStartFailure(error);
}
