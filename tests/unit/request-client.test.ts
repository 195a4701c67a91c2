import { describe, expect, it, vi } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/server/client-ip";
import "@/scripts/peer-address-hook";

const warn = vi.hoisted(() => vi.fn());
vi.mock("@/lib/server/logger", () => ({ logger: { warn } }));

const { requestClientAddress } = await import("@/lib/server/request-client");

describe("a request's client address", () => {
  it("says once in the log when X-Forwarded-For names someone else while no proxy is trusted", () => {
    // Next writes the connection's own address there when nobody sent the header: nothing to say.
    const direct = new Headers({ [PEER_ADDRESS_HEADER]: "192.0.2.1", "x-forwarded-for": "192.0.2.1" });
    expect(requestClientAddress(direct)).toBe("192.0.2.1");
    expect(warn).not.toHaveBeenCalled();

    const behindBalancer = new Headers({ [PEER_ADDRESS_HEADER]: "10.0.0.5", "x-forwarded-for": "203.0.113.8" });
    expect(requestClientAddress(behindBalancer)).toBe("10.0.0.5");
    expect(requestClientAddress(behindBalancer)).toBe("10.0.0.5");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/set TRUST_PROXY/);
  });
});
