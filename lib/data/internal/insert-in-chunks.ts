const INSERT_CHUNK = 1_000;

/** Large imports go in chunks: one statement's parameters are limited (65,535 in Postgres). */
export async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) await insert(rows.slice(start, start + INSERT_CHUNK));
}
