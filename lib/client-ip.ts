/**
 * The client's address as the proxy in front of the app reports it: the first
 * X-Forwarded-For entry, else X-Real-IP. Next gives a route no socket address, so the app
 * must run behind a proxy that sets these (every load balancer does); without one, all
 * clients share one "unknown" address, and the per-account limits still hold.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || headers.get("x-real-ip")?.trim();
  // Bounded: the address becomes part of a database key.
  return address ? address.slice(0, 64) : "unknown";
}
