import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, serializeError } from "@/lib/logger";

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
});
