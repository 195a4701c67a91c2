import "server-only";
import { clientIp, PEER_ADDRESS_HEADER } from "./client-ip";
import { getEnv } from "./env";
import { logger } from "./logger";

let warnedOfIgnoredForwarding = false;

/**
 * The client's address for a request's per-address limits, by the configured TRUST_PROXY.
 * Behind a load balancer with TRUST_PROXY left at 0 every client would share the balancer's
 * address: the first X-Forwarded-For that names someone other than the connection says so
 * in the log, once per process.
 */
export function requestClientAddress(headers: Headers): string {
  const { TRUST_PROXY } = getEnv();
  const forwarded = headers.get("x-forwarded-for");
  // Next fills the header with the connection's address when nobody sent one.
  if (TRUST_PROXY === 0 && !warnedOfIgnoredForwarding && forwarded && forwarded !== headers.get(PEER_ADDRESS_HEADER)) {
    warnedOfIgnoredForwarding = true;
    logger.warn(
      "X-Forwarded-For is ignored: TRUST_PROXY is 0, so each client is its connection. Behind a proxy, set TRUST_PROXY to the number of proxies in front.",
    );
  }
  return clientIp(headers, TRUST_PROXY);
}
