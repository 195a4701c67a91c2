import { getViewer } from "@/lib/server/auth";
import { countUnreadNotifications } from "@/lib/data/notifications";
import { AppError } from "@/lib/domain/errors";
import { jsonRoute } from "@/lib/server/http";

export const GET = jsonRoute(async () => {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in to see your notifications.");
  return { unread: await countUnreadNotifications({ viewer }) };
});
