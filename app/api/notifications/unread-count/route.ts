import { requireRouteViewer } from "@/lib/server/viewer-guard";
import { countUnreadNotifications } from "@/lib/data/notifications";
import { jsonRoute } from "@/lib/server/http";

export const GET = jsonRoute(async () => {
  const viewer = await requireRouteViewer("Sign in to see your notifications.");
  return { unread: await countUnreadNotifications({ viewer }) };
});
