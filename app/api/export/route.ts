import type { NextRequest } from "next/server";
import { requireRouteViewer } from "@/lib/server/viewer-guard";
import { localDate } from "@/lib/domain/dates";
import { exportLearnerData } from "@/lib/data/export";
import { AppError } from "@/lib/domain/errors";
import { errorResponse } from "@/lib/server/http";
import { toCsv, toMarkdown, type WaymarkExport } from "@/lib/domain/export-format";

const FORMATS = {
  json: {
    contentType: "application/json; charset=utf-8",
    render: (data: WaymarkExport) => `${JSON.stringify(data, null, 2)}\n`,
  },
  // Excel reads a CSV file as UTF-8 only when it starts with a byte order mark.
  csv: { contentType: "text/csv; charset=utf-8", render: (data: WaymarkExport) => `\uFEFF${toCsv(data)}` },
  md: { contentType: "text/markdown; charset=utf-8", render: toMarkdown },
} as const;

const isFormat = (value: string): value is keyof typeof FORMATS => Object.hasOwn(FORMATS, value);

/** The signed-in learner's data as a download: ?format=json (complete, importable), csv or md. */
export async function GET(request: NextRequest): Promise<Response> {
  try {
    const viewer = await requireRouteViewer("Sign in to export your data.");
    const format = request.nextUrl.searchParams.get("format") ?? "json";
    if (!isFormat(format)) throw new AppError("INVALID_INPUT", "Choose an export format: json, csv or md.");
    const data = await exportLearnerData({ viewer });
    const day = localDate(new Date(data.exportedAt), data.account.timeZone);
    return new Response(FORMATS[format].render(data), {
      headers: {
        "Content-Type": FORMATS[format].contentType,
        "Content-Disposition": `attachment; filename="waymark-export-${day}.${format}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return await errorResponse(error);
  }
}
