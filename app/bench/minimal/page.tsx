import { connection } from "next/server";
import { requireBenchMode } from "@/lib/server/bench-mode";

/** Baseline: a dynamic page that renders inside the app's layout and reads nothing of its own. */
export default async function MinimalPage() {
  await connection();
  requireBenchMode();
  return <main>Minimal page</main>;
}
