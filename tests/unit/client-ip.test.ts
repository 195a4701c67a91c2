import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientIp, PEER_ADDRESS_HEADER, PEER_ADDRESS_RECORDED } from "@/lib/server/client-ip";
import "@/scripts/peer-address-hook";

const headersOf = (entries: Record<string, string>) => new Headers(entries);

describe("the client's address", () => {
  it("is the connection's own with no proxy configured: a forged X-Forwarded-For changes nothing", () => {
    const headers = headersOf({ [PEER_ADDRESS_HEADER]: "192.0.2.10", "x-forwarded-for": "203.0.113.1" });
    expect(clientIp(headers, 0)).toBe("192.0.2.10");
  });

  it("behind N proxies, is the address the outermost of them saw", () => {
    const headers = headersOf({
      [PEER_ADDRESS_HEADER]: "10.0.0.2",
      "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.1",
    });
    expect(clientIp(headers, 1)).toBe("10.0.0.1");
    expect(clientIp(headers, 2)).toBe("203.0.113.7");
    // More hops configured than the chain has: the leftmost entry, never nothing.
    expect(clientIp(headers, 9)).toBe("6.6.6.6");
    expect(clientIp(headersOf({ [PEER_ADDRESS_HEADER]: "10.0.0.2" }), 1)).toBe("10.0.0.2");
  });

  it("is unknown when the request never passed the server's record", () => {
    expect(clientIp(headersOf({ "x-forwarded-for": "203.0.113.1" }), 0)).toBe("unknown");
  });

  it("is not believed from a server the hook never ran in, where a client could write the header", () => {
    const globals = globalThis as Record<symbol, unknown>;
    delete globals[PEER_ADDRESS_RECORDED];
    try {
      expect(clientIp(headersOf({ [PEER_ADDRESS_HEADER]: "192.0.2.10" }), 0)).toBe("unknown");
    } finally {
      globals[PEER_ADDRESS_RECORDED] = true;
    }
  });

  it("counts an IPv6 network of 2^64 addresses as one client, and drops the port a proxy appended", () => {
    const of = (address: string, forwarded?: string) =>
      clientIp(
        headersOf({ [PEER_ADDRESS_HEADER]: address, ...(forwarded ? { "x-forwarded-for": forwarded } : {}) }),
        forwarded ? 1 : 0,
      );
    expect(of("2001:db8:aa:bb:1:2:3:4")).toBe("2001:db8:aa:bb::/64");
    expect(of("2001:0db8:00aa:00bb:ffff::1")).toBe("2001:db8:aa:bb::/64");
    expect(of("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(of("::1")).toBe("0:0:0:0::/64");
    expect(of("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(of("10.0.0.1", "203.0.113.9:51234")).toBe("203.0.113.9");
    expect(of("10.0.0.1", "[2001:db8:aa:bb::5]:443")).toBe("2001:db8:aa:bb::/64");
    expect(of("10.0.0.1", "not an address")).toBe("not an address");
  });

  it("is recorded by the server from the connection, whatever the client sends under its name", async () => {
    const seen: (string | string[] | undefined)[] = [];
    const server = http.createServer((request, response) => {
      seen.push(request.headers[PEER_ADDRESS_HEADER]);
      response.end();
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [PEER_ADDRESS_HEADER]: "203.0.113.66", "x-forwarded-for": "203.0.113.67" },
      });
      await fetch(`http://127.0.0.1:${port}/`);
    } finally {
      server.close();
    }
    expect(seen).toEqual(["127.0.0.1", "127.0.0.1"]);
  });
});
