import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "drizzle-orm/logger";

const counters = new AsyncLocalStorage<{ queries: number; statements: string[] }>();
let queriesSinceStart = 0;

/**
 * Counts the SQL statements Drizzle sends: inside countQueries() for tests, and in all for
 * the process, which the benchmark reads between requests. Adding one costs nothing to speak of.
 */
export const queryCountingLogger: Logger = {
  logQuery(query) {
    queriesSinceStart += 1;
    const counter = counters.getStore();
    if (counter) {
      counter.queries += 1;
      counter.statements.push(query);
    }
  },
};

export function queriesSinceProcessStart(): number {
  return queriesSinceStart;
}

export async function countQueries<T>(
  work: () => Promise<T>,
): Promise<{ result: T; queries: number; statements: string[] }> {
  const counter = { queries: 0, statements: [] };
  const result = await counters.run(counter, work);
  return { result, ...counter };
}
