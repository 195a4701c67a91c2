import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "drizzle-orm/logger";

const counters = new AsyncLocalStorage<{ queries: number; statements: string[] }>();
/*
 * Kept on globalThis: Next evaluates this module once per bundle that imports it (the pages'
 * and the route handlers'), so a module variable counted in one was read as 0 by the other.
 */
const processCount = globalThis as typeof globalThis & { waymarkQueriesSinceStart?: number };

/**
 * Counts the SQL statements Drizzle sends: inside countQueries() for tests, and in all for
 * the process, which the benchmark reads between requests. Adding one costs nothing to speak of.
 */
export const queryCountingLogger: Logger = {
  logQuery(query) {
    processCount.waymarkQueriesSinceStart = (processCount.waymarkQueriesSinceStart ?? 0) + 1;
    const counter = counters.getStore();
    if (counter) {
      counter.queries += 1;
      counter.statements.push(query);
    }
  },
};

export function queriesSinceProcessStart(): number {
  return processCount.waymarkQueriesSinceStart ?? 0;
}

export async function countQueries<T>(
  work: () => Promise<T>,
): Promise<{ result: T; queries: number; statements: string[] }> {
  const counter = { queries: 0, statements: [] };
  const result = await counters.run(counter, work);
  return { result, ...counter };
}
