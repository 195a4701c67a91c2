/*
 * The tests' stand-in for the `server-only` package, which throws when imported anywhere but
 * Next's server build: Vitest runs the data layer on Node directly.
 */
export {};
