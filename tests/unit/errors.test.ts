import { describe, expect, it } from "vitest";
import { AppError, ERROR_CODES, HTTP_STATUS, UNSTORABLE_TEXT_MESSAGE } from "@/lib/domain/errors";
import { toPublicError } from "@/lib/server/public-error";

describe("toPublicError", () => {
  it("shows an AppError's code, message and field errors as they are", () => {
    const error = new AppError("INVALID_INPUT", "Check the form.", { email: ["Enter a valid email."] });
    expect(toPublicError(error)).toEqual({
      code: "INVALID_INPUT",
      error: "Check the form.",
      fieldErrors: { email: ["Enter a valid email."] },
    });
  });

  it("leaves out fieldErrors when an AppError has none", () => {
    expect(toPublicError(new AppError("NOT_FOUND", "No such roadmap."))).toEqual({
      code: "NOT_FOUND",
      error: "No such roadmap.",
    });
  });

  it("hides the details of an unexpected error behind a generic message", () => {
    const result = toPublicError(new Error("relation users does not exist at 10.0.0.1"));
    expect(result.code).toBe("INTERNAL");
    expect(result.error).not.toContain("relation");
    expect(result.error).not.toContain("10.0.0.1");
    expect(result).not.toHaveProperty("fieldErrors");
  });

  it("treats thrown non-errors as internal too", () => {
    expect(toPublicError("boom").code).toBe("INTERNAL");
    expect(toPublicError(undefined).code).toBe("INTERNAL");
  });

  it("reports an unreachable database as temporarily unavailable, even when wrapped", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:5432"), { code: "ECONNREFUSED" });
    const wrapped = new Error("Failed query: select 1", { cause: refused });
    const result = toPublicError(wrapped);
    expect(result.code).toBe("UNAVAILABLE");
    expect(result.error).not.toContain("10.0.0.1");
  });
});

describe("toPublicError and text the database cannot store", () => {
  it("answers a NUL character refused by Postgres as bad input, not a server failure", () => {
    const refused = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" });
    expect(toPublicError(new Error("Failed query", { cause: refused }))).toEqual({
      code: "INVALID_INPUT",
      error: UNSTORABLE_TEXT_MESSAGE,
    });
  });
});

describe("HTTP_STATUS", () => {
  it("maps every error code to the matching HTTP status", () => {
    expect(HTTP_STATUS).toEqual({
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      INVALID_INPUT: 400,
      CONFLICT: 409,
      RATE_LIMITED: 429,
      UNAVAILABLE: 503,
      INTERNAL: 500,
    });
    expect(Object.keys(HTTP_STATUS).sort()).toEqual([...ERROR_CODES].sort());
  });
});
