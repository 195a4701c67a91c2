import "server-only";
import { z } from "zod";

const uuid = z.uuid();

/**
 * Whether a value could be a row's id (Postgres makes them: random UUIDs). Anything else names
 * nothing and is not looked up: Postgres would refuse it, and the failed query would carry it,
 * with the viewer's id beside it, into the error.
 */
export function couldBeRowId(value: string): boolean {
  return uuid.safeParse(value).success;
}
