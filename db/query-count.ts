import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "drizzle-orm/logger";

const counters = new AsyncLocalStorage<{ queries: number }>();
let queriesSinceStart = 0;

/**
 * Counts the SQL statements Drizzle sends: inside countQueries() for tests, and in all for
 * the process, which the benchmark reads between requests. Adding one costs nothing to speak of.
 */
export const queryCountingLogger: Logger = {
  logQuery() {
    queriesSinceStart += 1;
    const counter = counters.getStore();
    if (counter) counter.queries += 1;
  },
};

export function queriesSinceProcessStart(): number {
  return queriesSinceStart;
}

export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const counter = { queries: 0 };
  const result = await counters.run(counter, work);
  return { result, queries: counter.queries };
}
