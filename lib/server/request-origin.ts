import { headers } from "next/headers";
import { publicOriginOf } from "./request-headers";

/**
 * The address this request came in on, for absolute links in link previews, read as Auth.js
 * reads it (the proxy has refused any request whose host or protocol headers are not valid).
 */
export async function requestOrigin(): Promise<URL> {
  return new URL(publicOriginOf(await headers()) ?? "http://localhost:3000");
}
