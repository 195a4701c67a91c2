import { requireRouteViewer } from "@/lib/server/viewer-guard";
import { countUnreadNotifications } from "@/lib/data/notifications";
import { jsonReadRoute } from "@/lib/server/http";

export const GET = jsonReadRoute(async () => {
  const viewer = await requireRouteViewer("Sign in to see your notifications.");
  return { unread: await countUnreadNotifications({ viewer }) };
});
