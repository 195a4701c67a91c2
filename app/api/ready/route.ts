import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { checkReadiness } from "@/db/readiness";

/** Readiness: 200 once the database answers and has every migration; 503 with the problem until then. */
export async function GET() {
  const readiness = await checkReadiness(getDb());
  return NextResponse.json(
    readiness.ready
      ? { status: "ready" }
      : { status: "not ready", problem: readiness.problem, reason: readiness.reason },
    { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
