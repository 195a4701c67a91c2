import type { NextRequest } from "next/server";
import { exportRoadmapFile, type RoadmapFileFormat } from "@/lib/data/roadmap-files";
import { AppError } from "@/lib/domain/errors";
import { getViewer } from "@/lib/server/auth";
import { errorResponse } from "@/lib/server/http";
import { requestOrigin } from "@/lib/server/request-origin";

const CONTENT_TYPES: Record<RoadmapFileFormat, string> = {
  yaml: "application/yaml; charset=utf-8",
  json: "application/json; charset=utf-8",
};

const isFormat = (value: string): value is RoadmapFileFormat => Object.hasOwn(CONTENT_TYPES, value);

/** A published version of a roadmap as a file: ?format=yaml|json, &version=N (default: the current one). */
export async function GET(request: NextRequest, { params }: RouteContext<"/api/roadmaps/[slug]/file">) {
  try {
    const search = request.nextUrl.searchParams;
    const format = search.get("format") ?? "yaml";
    if (!isFormat(format)) throw new AppError("INVALID_INPUT", "Choose a file format: yaml or json.");
    const versionParam = search.get("version");
    if (versionParam !== null && !/^[1-9][0-9]{0,8}$/.test(versionParam)) {
      throw new AppError("INVALID_INPUT", "A version is a whole number from 1.");
    }
    const file = await exportRoadmapFile({
      viewer: await getViewer(),
      slug: (await params).slug,
      format,
      version: versionParam === null ? undefined : Number(versionParam),
      origin: (await requestOrigin()).origin,
    });
    return new Response(file.text, {
      headers: {
        "Content-Type": CONTENT_TYPES[format],
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return await errorResponse(error);
  }
}
