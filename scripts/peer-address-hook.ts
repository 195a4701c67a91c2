/*
 * Loaded before Next's server (the standalone server.js, and `next dev` through --require):
 * every request the process's HTTP servers receive gets the address of the connection it
 * came in on, in a header the client cannot set. Next gives a route handler no socket, and a
 * client can write anything in X-Forwarded-For; lib/server/client-ip.ts decides from this which of
 * those addresses to believe.
 */
import http from "node:http";
import { PEER_ADDRESS_HEADER, PEER_ADDRESS_RECORDED } from "../lib/server/client-ip";

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

const emit = http.Server.prototype.emit as Emit;

(http.Server.prototype as { emit: Emit }).emit = function emitWithPeerAddress(event, ...args) {
  if (event === "request") {
    const request = args[0] as http.IncomingMessage;
    request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  }
  return emit.call(this, event, ...args);
};
(globalThis as Record<symbol, unknown>)[PEER_ADDRESS_RECORDED] = true;
