import "server-only";

/** A LIKE pattern matching text that contains `text` as typed: its %, _ and \ match only themselves. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
