import { DAY_MS } from "./dates";

const MINUTE_MS = 60 * 1000;

/** A session unused this long has ended: a forgotten device signs itself out. */
export const SESSION_IDLE_DAYS = 30;

/** However busy, a session ends this long after its sign-in; the cookie's own expiry matches. */
export const SESSION_ABSOLUTE_DAYS = 90;

export const SESSION_IDLE_LIFETIME_MS = SESSION_IDLE_DAYS * DAY_MS;
export const SESSION_ABSOLUTE_LIFETIME_MS = SESSION_ABSOLUTE_DAYS * DAY_MS;

/**
 * How stale a session's last-seen time may get before a request rewrites it. Requests within
 * this window only read, so the idle lifetime is counted to within this much.
 */
export const SESSION_LAST_SEEN_REFRESH_MS = 5 * MINUTE_MS;

/** A session is live while it was last seen after `lastSeenAfter` and started after `startedAfter`. */
export function sessionCutoffs(now: Date): { lastSeenAfter: Date; startedAfter: Date } {
  return {
    lastSeenAfter: new Date(now.getTime() - SESSION_IDLE_LIFETIME_MS),
    startedAfter: new Date(now.getTime() - SESSION_ABSOLUTE_LIFETIME_MS),
  };
}
