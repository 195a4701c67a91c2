import { roadmapJsonSchema } from "@/lib/data/roadmap-files";
import { requestOrigin } from "@/lib/server/request-origin";

/** The JSON Schema of roadmap files, for editors and CI checks of roadmaps kept in git. */
export async function GET(): Promise<Response> {
  const origin = (await requestOrigin()).origin;
  return new Response(`${JSON.stringify(roadmapJsonSchema(origin), null, 2)}\n`, {
    headers: {
      "Content-Type": "application/schema+json; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
      // Its $id names the host asked: a shared cache must not hand one host's copy to another.
      Vary: "Host, X-Forwarded-Host, X-Forwarded-Proto",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
