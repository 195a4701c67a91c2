import { headers } from "next/headers";

/**
 * The address this request came in on, for absolute links in link previews. Like Auth.js
 * with trustHost, it believes the proxy's forwarded headers.
 */
export async function requestOrigin(): Promise<URL> {
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? (host.startsWith("localhost") ? "http" : "https");
  return new URL(`${protocol.split(",")[0]!.trim()}://${host.split(",")[0]!.trim()}`);
}
