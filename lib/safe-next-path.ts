/** A path on this site to return to after signing in; anything else (other hosts, junk) goes to the dashboard. */
export function safeNextPath(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : "/dashboard";
}
