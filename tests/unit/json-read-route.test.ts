import { describe, expect, it, vi } from "vitest";
import { jsonReadRoute } from "../../lib/server/http";
import { logger } from "../../lib/server/logger";

const connectionLost = () =>
  Object.assign(new Error("write CONNECTION_CLOSED 127.0.0.1:5432"), { code: "CONNECTION_CLOSED" });

describe("jsonReadRoute", () => {
  it("answers a read whose connection was stale, by trying it once more", async () => {
    const handler = vi
      .fn()
      .mockRejectedValueOnce(new Error("Failed query", { cause: connectionLost() }))
      .mockResolvedValue({ done: 3 });
    const response = await jsonReadRoute(handler)();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: 3 });
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it("answers 503 when the database is still unreachable on the second try", async () => {
    vi.spyOn(logger, "error").mockImplementation(() => {});
    const handler = vi.fn().mockRejectedValue(connectionLost());
    const response = await jsonReadRoute(handler)();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: "UNAVAILABLE" });
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it("does not run a read again for any other failure", async () => {
    vi.spyOn(logger, "error").mockImplementation(() => {});
    const handler = vi.fn().mockRejectedValue(new Error("boom"));
    const response = await jsonReadRoute(handler)();
    expect(response.status).toBe(500);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
