import { NextResponse } from "next/server";
import { benchStats, requireBenchMode } from "@/lib/server/bench-mode";

export function GET() {
  requireBenchMode();
  return NextResponse.json(benchStats(), { headers: { "Cache-Control": "no-store" } });
}
