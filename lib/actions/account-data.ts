"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/server/action";
import { importLearnerData } from "@/lib/data/import";
import { limitAccountAction } from "@/lib/data/rate-limits";
import { AppError } from "@/lib/domain/errors";
import { IMPORT_MAX_BYTES } from "@/lib/domain/export-format";
import { RATE_LIMITS } from "@/lib/domain/rate-limit-rules";

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;

const CHOOSE_FILE = "Choose a Waymark export file (.json) to import.";

// A form with no file chosen still sends the field: an empty File without a name.
const importSchema = z.object({
  file: z.union([z.instanceof(File), z.string()], { error: CHOOSE_FILE }),
});

/** Reads an export file (or its text) and imports it; the size is checked before anything is read. */
export const importLearnerDataAction = action(importSchema, async ({ file }, viewer) => {
  const size = typeof file === "string" ? Buffer.byteLength(file) : file.size;
  if (typeof file !== "string" && file.name === "" && size === 0) throw new AppError("INVALID_INPUT", CHOOSE_FILE);
  if (size === 0) throw new AppError("INVALID_INPUT", "That file is empty: it isn't a Waymark export.");
  // Counted once the request is a real import: a mistaken empty form costs nothing.
  await limitAccountAction(RATE_LIMITS.importPerAccount, viewer.id);
  if (size > IMPORT_MAX_BYTES) {
    throw new AppError(
      "INVALID_INPUT",
      `That file is ${megabytes(size)}; Waymark imports files up to ${megabytes(IMPORT_MAX_BYTES)}.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(typeof file === "string" ? file : await file.text());
  } catch {
    throw new AppError("INVALID_INPUT", "That file isn't a Waymark export (it isn't valid JSON).");
  }
  const report = await importLearnerData({ viewer, data });
  // Progress shows on the dashboard, every roadmap page and the history: all of it changed.
  revalidatePath("/", "layout");
  return report;
});
