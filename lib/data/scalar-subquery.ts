import "server-only";
import { sql, type SQL } from "drizzle-orm";

/**
 * A subquery for a select list. Drizzle writes the columns of a one-table select bare (no
 * table name), which would leave the subquery's own joins ambiguous; nested like this they
 * keep their table names.
 */
export function scalarSubquery<T>(query: SQL): SQL<T> {
  return sql<T>`(${query})`;
}
