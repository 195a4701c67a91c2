import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "drizzle-orm/logger";

const counters = new AsyncLocalStorage<{ queries: number }>();

/** Counts the SQL statements Drizzle sends inside countQueries(); costs nothing outside it. */
export const queryCountingLogger: Logger = {
  logQuery() {
    const counter = counters.getStore();
    if (counter) counter.queries += 1;
  },
};

export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const counter = { queries: 0 };
  const result = await counters.run(counter, work);
  return { result, queries: counter.queries };
}
