import { Writable } from "node:stream";
import { inspect } from "node:util";
import { DrizzleQueryError } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { withoutQueryParameters } from "@/db/query-errors";
import { createLogger, serializeError } from "@/lib/server/logger";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().trim().split("\n"));
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

describe("the logger", () => {
  it("writes one JSON object per line, with the request's id", () => {
    const { logger, lines } = capture();
    logger.child({ requestId: "req-123" }).info({ outcome: "ok", ms: 12 }, "action");
    expect(JSON.parse(lines[0]!)).toMatchObject({ requestId: "req-123", outcome: "ok", ms: 12, msg: "action" });
  });

  it("never writes passwords, tokens, cookies or note text, however deep they sit", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: "hunter2-secret",
        input: { newPassword: "another-secret", body: "My private note", token: "tok-abc" },
        headers: { cookie: "authjs.session-token=eyJsecret" },
      },
      "careless call",
    );
    const line = lines.join("\n");
    for (const secret of ["hunter2-secret", "another-secret", "My private note", "tok-abc", "eyJsecret"]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain("[redacted]");
  });

  it("drops a failed query's parameters from the error it logs", () => {
    const failure = new Error(
      'Failed query: insert into "milestone_notes" values ($1, $2)\nparams: user-1,My private note',
    );
    const serialized = serializeError(failure);
    expect(JSON.stringify(serialized)).not.toContain("My private note");
    expect(serialized.message).toBe('Failed query: insert into "milestone_notes" values ($1, $2)');
  });

  /** A failed query as postgres.js reports it under Drizzle: the driver's own fields hold the parameters too. */
  function postgresJsFailure() {
    // Made as postgres.js makes it, from the server's fields (its typings only admit a message).
    const driverError: Error = Reflect.construct(postgres.PostgresError, [
      {
        message: 'invalid input syntax for type uuid: "secret-value"',
        severity: "ERROR",
        code: "22P02",
        detail: "Key (email)=(secret-detail) already exists.",
        where: "unnamed portal parameter $1 = '...'",
      },
    ]);
    // postgres.js adds these as it rejects the query, hidden from printing.
    Object.defineProperties(driverError, {
      query: { value: "select $1::uuid, $2", enumerable: false },
      parameters: { value: ["secret-value", "secret-param"], enumerable: false },
      args: { value: ["secret-value", "secret-param"], enumerable: false },
    });
    return new DrizzleQueryError("select $1::uuid, $2", ["secret-value", "secret-param"], driverError);
  }

  it("leaves out the parameters a failed query's error and its cause carry, in every field", () => {
    const failure = postgresJsFailure();
    const serialized = serializeError(failure);
    for (const secret of ["secret-value", "secret-param", "secret-detail"]) {
      expect(JSON.stringify(serialized)).not.toContain(secret);
    }
    expect(serialized).toMatchObject({
      message: "Failed query: select $1::uuid, $2",
      cause: { type: "PostgresError", code: "22P02", message: "invalid input syntax for type uuid: …" },
    });
  });

  it("strips them from the error itself, so printing it whole shows none", () => {
    const printed = inspect(withoutQueryParameters(postgresJsFailure()), { depth: null });
    for (const secret of ["secret-value", "secret-param", "secret-detail"]) expect(printed).not.toContain(secret);
    expect(printed).toContain("Failed query: select $1::uuid, $2");
    expect(printed).toContain("22P02");
  });

  it("gives a copy without them, code and all, when the driver's error can't be rewritten", () => {
    const driverError = new Error('invalid input syntax for type uuid: "secret-value"');
    // As postgres.js leaves its errors on Node 24: a stack that can be neither set nor redefined.
    Object.defineProperties(driverError, {
      code: { value: "22P02", enumerable: true },
      stack: { value: `${driverError.stack}\nsecret-param` },
    });
    const failure = new Error("Failed query: select $1::uuid\nparams: secret-param", { cause: driverError });
    const stripped = withoutQueryParameters(failure) as Error & { cause: Error & { code: string } };
    expect(inspect(stripped, { depth: null })).not.toContain("secret");
    expect(stripped.cause.code).toBe("22P02");
    expect(stripped.message).toBe("Failed query: select $1::uuid");
  });

  it("keeps no message line that passes for a stack frame", () => {
    const failure = new Error("Failed query: select $1\nparams: x\n    at secret (secret.js:1:1)");
    expect(JSON.stringify(serializeError(failure))).not.toContain("secret");
  });

  it("serialises an error whose cause chain loops, and a thrown value that isn't an error", () => {
    const looping = new Error("first");
    looping.cause = new Error("second", { cause: looping });
    expect(JSON.stringify(serializeError(looping))).toContain("second");
    expect(serializeError({ query: "select $1", params: ["secret-param"] })).toEqual({ message: "a thrown object" });
    expect(serializeError(Object.create(null))).toEqual({ message: "a thrown object" });
  });
});
