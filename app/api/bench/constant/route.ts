import { NextResponse } from "next/server";
import { requireBenchMode } from "@/lib/server/bench-mode";

/** Baseline: the cheapest route handler the app can serve. */
export function GET() {
  requireBenchMode();
  return NextResponse.json({ ok: true });
}
