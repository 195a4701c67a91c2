import { readFileSync } from "node:fs";
import { notFound } from "next/navigation";
import { queriesSinceProcessStart } from "../../db/query-count";
import { getEnv } from "./env";

/** The benchmark's own routes exist only while it runs the app; otherwise they are plain 404s. */
export function requireBenchMode(): void {
  if (getEnv().WAYMARK_BENCH !== "1") notFound();
}

function peakResidentBytes(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** What the benchmark reads between runs: SQL statements so far, and memory now and at its peak. */
export function benchStats() {
  return {
    queries: queriesSinceProcessStart(),
    residentBytes: process.memoryUsage().rss,
    peakResidentBytes: peakResidentBytes(),
  };
}
