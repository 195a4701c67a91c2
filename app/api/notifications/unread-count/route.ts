import { getViewer } from "@/lib/auth";
import { countUnreadNotifications } from "@/lib/data/notifications";
import { AppError } from "@/lib/errors";
import { jsonRoute } from "@/lib/http";

export const GET = jsonRoute(async () => {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in to see your notifications.");
  return { unread: await countUnreadNotifications({ viewer }) };
});
