import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { AppError } from "../domain/errors";
import type { Viewer } from "./viewer";

/** Renames the viewer: the name mentors, mails and the header show. */
export async function changeName({ viewer, name }: { viewer: Viewer; name: string }): Promise<{ name: string }> {
  const [updated] = await getDb()
    .update(users)
    .set({ name: name.trim() })
    .where(eq(users.id, viewer.id))
    .returning({ name: users.name });
  if (!updated) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return { name: updated.name ?? "" };
}
