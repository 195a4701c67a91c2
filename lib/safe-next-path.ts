const PLACEHOLDER_ORIGIN = "http://waymark.invalid";

/**
 * A path on this site to return to after signing in; anything that would leave the site
 * (other hosts, protocol-relative or control-character tricks) goes to the dashboard.
 * Parsing as a browser would is the check: string prefixes miss what browsers strip.
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/dashboard";
  try {
    const url = new URL(value, PLACEHOLDER_ORIGIN);
    if (url.origin !== PLACEHOLDER_ORIGIN) return "/dashboard";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/dashboard";
  }
}
