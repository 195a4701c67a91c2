const PLACEHOLDER_ORIGIN = "http://waymark.invalid";

/** The path, query and fragment a browser on this site would go to for this link; null if it leaves the site. */
function pathOnThisSite(link: string): string | null {
  const url = new URL(link, PLACEHOLDER_ORIGIN);
  return url.origin === PLACEHOLDER_ORIGIN ? `${url.pathname}${url.search}${url.hash}` : null;
}

/**
 * A path on this site to return to after signing in; anything that would leave the site
 * (other hosts, protocol-relative or control-character tricks) goes to the dashboard.
 * Parsing as a browser would is the check: string prefixes miss what browsers strip. The
 * parsed path is checked in turn, since normalising can make one that leaves: `/.//evil.example`
 * loses its dot segment and becomes `//evil.example`, another host to the browser that follows
 * the redirect. What is returned reads the same when parsed again.
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/dashboard";
  try {
    const path = pathOnThisSite(value);
    if (path === null || path.startsWith("//") || path.startsWith("/\\")) return "/dashboard";
    return pathOnThisSite(path) === path ? path : "/dashboard";
  } catch {
    return "/dashboard";
  }
}
