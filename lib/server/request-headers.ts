import { isCsrfOriginAllowed } from "next/dist/server/app-render/csrf-protection";
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";

/**
 * Origins other than the app's own whose server action posts Next runs: next.config.js's
 * `serverActions.allowedOrigins`, which a unit test keeps equal to this list (the proxy
 * refuses what Next would refuse, and needs the same list to know it).
 */
export const SERVER_ACTION_ALLOWED_ORIGINS: string[] = [];

// A DNS name or IPv4 address, or an IPv6 literal in brackets, then an optional port: no
// spaces, lists, user info, paths or escapes, which would make Auth.js's URL fail to parse.
const HOST_SHAPE = /^(?:[a-z0-9._-]{1,253}|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i;

/** Whether a parser accepts a value: the URL, URI and router-state parsers say no by throwing. */
export function parses(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
}

/** Whether a Host or X-Forwarded-Host value is one host[:port] that a URL can be built on. */
export function isHost(value: string): boolean {
  // The URL parser has the last word: an IPv4 address out of range, a port over 65535.
  return HOST_SHAPE.test(value) && parses(() => new URL(`http://${value}`));
}

/**
 * What is wrong with the headers that Auth.js and Next build URLs and router state from,
 * as a short message for a 400, or null. Auth.js (trustHost) builds the app's URL from
 * X-Forwarded-Host (else Host) and X-Forwarded-Proto, and a page that reads the session
 * answers 500 when that URL does not parse; Next parses Next-Router-State-Tree (with its
 * own parser, used here) for every RSC request and answers 500 when it cannot. The router
 * state is checked whatever the request: our client only ever sends states Next wrote.
 */
export function headerProblemOf(headers: Headers): string | null {
  const host = headers.get("host");
  if (host !== null && !isHost(host)) return "The Host header is not a valid host name.";
  const forwardedHost = headers.get("x-forwarded-host");
  if (forwardedHost !== null && !isHost(forwardedHost)) {
    return "The X-Forwarded-Host header is not one valid host name.";
  }
  const forwardedProto = headers.get("x-forwarded-proto");
  if (forwardedProto !== null && forwardedProto !== "http" && forwardedProto !== "https") {
    return "The X-Forwarded-Proto header must be http or https.";
  }
  const routerState = headers.get("next-router-state-tree");
  if (routerState !== null && !parses(() => parseAndValidateFlightRouterState(routerState))) {
    return "The Next-Router-State-Tree header could not be read. Reload the page.";
  }
  return null;
}

/**
 * Next's check of a server action's Origin against the host (node_modules/next/dist/server/
 * app-render/action-handler.js), rule for rule, for the proxy to refuse first what Next
 * refuses with a 500: a post without Origin passes (browsers send one with every post), an
 * Origin of "null" or of another host is refused unless allowed, and the host is the first
 * X-Forwarded-Host entry, else Host. "malformed" is an Origin that is not a URL at all.
 */
export function actionOriginOf(
  headers: Headers,
  allowedOrigins: string[] = SERVER_ACTION_ALLOWED_ORIGINS,
): "allowed" | "refused" | "malformed" {
  const origin = headers.get("origin");
  if (origin === null) return "allowed";
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return "malformed";
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (host && originHost === host) return "allowed";
  return isCsrfOriginAllowed(originHost, allowedOrigins) ? "allowed" : "refused";
}

/**
 * The origin the browser used, read as Auth.js with trustHost reads it: X-Forwarded-Host,
 * else Host, and X-Forwarded-Proto, else http (the server itself speaks only HTTP). Next
 * fills both forwarded headers in from the connection before a page or route runs. Null
 * when they name no valid origin.
 */
export function publicOriginOf(headers: Headers): string | null {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  const protocol = headers.get("x-forwarded-proto") ?? "http";
  if (host === null || !isHost(host) || (protocol !== "http" && protocol !== "https")) return null;
  return `${protocol}://${host}`;
}
