import { NextResponse } from "next/server";

/** Liveness: the process is up and serving. */
export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
