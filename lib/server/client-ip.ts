import { isIP } from "node:net";

/**
 * The header in which the server records the address of the connection each request came in
 * on (scripts/peer-address-hook.ts). It overwrites whatever a client sent under that name,
 * so it is the one address here a client cannot choose.
 */
export const PEER_ADDRESS_HEADER = "x-waymark-peer-address";

/**
 * Set by the hook in the process it runs in. Without it (a server started some other way) a
 * client could write the header itself, so it is not believed.
 */
export const PEER_ADDRESS_RECORDED = Symbol.for("waymark.peerAddressRecorded");

/**
 * One key per client for the per-address limits: an IPv4 address, or an IPv6 address's /64
 * network (one household or server holds a whole /64, so counting its 2^64 addresses apart
 * would allow unlimited attempts). A port a proxy appended is dropped; anything that is no
 * address is kept, bounded, as it is.
 */
function addressKey(entry: string): string {
  const unbracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry)?.[1] ?? entry;
  const address = isIP(unbracketed) ? unbracketed : (/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry)?.[1] ?? unbracketed);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1];
  if (mapped) return mapped;
  if (isIP(address) !== 6) return address.slice(0, 64);
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * The client's address for the per-address limits. With no proxy in front (trustedProxies 0)
 * it is the connection's own address and X-Forwarded-For is ignored. Behind N proxies that
 * each append the address they saw, it is the Nth entry from the right of the chain
 * X-Forwarded-For + connection: entries further left were written by the client and prove
 * nothing. A request that did not pass the server's record is "unknown".
 */
export function clientIp(headers: Headers, trustedProxies: number): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim();
  if (!peer || !(globalThis as Record<symbol, unknown>)[PEER_ADDRESS_RECORDED]) return "unknown";
  const forwarded =
    trustedProxies > 0
      ? (headers.get("x-forwarded-for") ?? "")
          .split(",")
          .map((entry) => entry.trim())
          .filter(Boolean)
      : [];
  const chain = [...forwarded, peer];
  return addressKey(chain[Math.max(0, chain.length - 1 - trustedProxies)]!);
}
