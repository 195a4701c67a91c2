/*
 * A query that fails on the driver in use (PGlite, or postgres.js on a server) throws an
 * error that carries none of its parameters, however it is printed or logged, and still
 * says what went wrong.
 */
import { inspect } from "node:util";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { toPublicError } from "@/lib/server/public-error";
import { serializeError } from "@/lib/server/logger";
import { createLearner } from "./helpers";

/** The error a query throws; the test fails if it succeeds. */
async function failureOf(query: PromiseLike<unknown>): Promise<unknown> {
  try {
    await query;
  } catch (error) {
    return error;
  }
  throw new Error("the query was expected to fail");
}

describe("a failed query's error", () => {
  it("holds none of the query's parameters, printed whole or logged, and keeps its codes", async () => {
    const learner = await createLearner();
    // A value that also tries to pass for a stack frame and to close Postgres's quotes early.
    const forged = `not-a-uuid" secret-after-quote\n    at secret-frame (secret.js:1:1)`;
    const secrets = [
      learner.id,
      learner.email,
      "not-a-uuid",
      "secret-after-quote",
      "secret-frame",
      "secret.js",
      "\u0000",
    ];
    const failures = {
      "a value that isn't a uuid": await failureOf(
        getDb().execute(sql`select 1 from ${users} where ${users.id} = ${learner.id} and ${forged}::uuid is null`),
      ),
      "text holding NUL": await failureOf(
        getDb()
          .select()
          .from(users)
          .where(sql`${users.id} = ${learner.id} and ${users.name} = ${"a\u0000b"}`),
      ),
      "a duplicate key": await failureOf(getDb().insert(users).values({ email: learner.email, name: learner.id })),
      "inside a transaction": await failureOf(
        getDb().transaction((tx) => tx.insert(users).values({ email: learner.email, name: learner.id })),
      ),
    };
    for (const [what, failure] of Object.entries(failures)) {
      const printed = inspect(failure, { depth: null });
      const logged = JSON.stringify(serializeError(failure));
      for (const secret of secrets) {
        expect({ what, secret, printed: printed.includes(secret), logged: logged.includes(secret) }).toEqual({
          what,
          secret,
          printed: false,
          logged: false,
        });
      }
      expect(printed).toContain("Failed query: ");
      expect(serializeError(failure)).toMatchObject({
        message: expect.stringMatching(/^Failed query: /),
        cause: { code: expect.stringMatching(/^[0-9A-Z]{5}$/), stack: expect.stringContaining("at ") },
      });
    }
    // What the codes decide still holds: text Postgres cannot store is the input's fault.
    expect(toPublicError(failures["text holding NUL"])).toMatchObject({ code: "INVALID_INPUT" });
  });
});
