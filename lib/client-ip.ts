/**
 * The header in which the server records the address of the connection each request came in
 * on (scripts/peer-address-hook.ts). It overwrites whatever a client sent under that name,
 * so it is the one address here a client cannot choose.
 */
export const PEER_ADDRESS_HEADER = "x-waymark-peer-address";

/** Bounded: the address becomes part of a database key. */
const MAX_ADDRESS_LENGTH = 64;

/**
 * The client's address for the per-address limits. With no proxy in front (trustedProxies 0)
 * it is the connection's own address and X-Forwarded-For is ignored. Behind N proxies that
 * each append the address they saw, it is the Nth entry from the right of the chain
 * X-Forwarded-For + connection: entries further left were written by the client and prove
 * nothing. A request that reached the app without the server's record (a test calling a
 * handler directly) is "unknown".
 */
export function clientIp(headers: Headers, trustedProxies: number): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim();
  if (!peer) return "unknown";
  const forwarded =
    trustedProxies > 0
      ? (headers.get("x-forwarded-for") ?? "")
          .split(",")
          .map((entry) => entry.trim())
          .filter(Boolean)
      : [];
  const chain = [...forwarded, peer];
  const address = chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
  return address.slice(0, MAX_ADDRESS_LENGTH);
}
