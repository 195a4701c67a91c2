/*
 * Bundled by `npm run build` into .next/standalone/server.js: the hook that records each
 * connection's address, then Next's own server, which the build renamed next-server.js.
 * `node server.js` stays the one way to run the standalone directory.
 */
import "./peer-address-hook";

// Imported only once the hook is in place (a static import would run first), and kept out of the bundle.
const nextServer = "./next-server.js";
await import(nextServer);
