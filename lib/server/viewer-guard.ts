import "server-only";
import { redirect } from "next/navigation";
import type { SessionViewer } from "../data/sessions";
import type { Viewer } from "../data/viewer";
import { AppError } from "../domain/errors";
import { getSession, getViewer } from "./auth";

/** A page's signed-in session; a signed-out visitor is sent to sign in and brought back to nextPath. */
export async function requirePageSession(nextPath: `/${string}`): Promise<SessionViewer> {
  const session = await getSession();
  if (!session) redirect(`/sign-in?next=${nextPath}`);
  return session;
}

/** A page's signed-in viewer; a signed-out visitor is sent to sign in and brought back to nextPath. */
export async function requirePageViewer(nextPath: `/${string}`): Promise<Viewer> {
  return (await requirePageSession(nextPath)).viewer;
}

/** A route handler's signed-in viewer; signed out, the answer is 401 with the message given. */
export async function requireRouteViewer(message: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("UNAUTHENTICATED", message);
  return viewer;
}
