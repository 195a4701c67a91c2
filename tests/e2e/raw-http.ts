import net from "node:net";

export type RawHeader = [name: string, value: string | Buffer];
export type RawResponse = { status: number; headers: Record<string, string>; body: string };

function dechunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf("\r\n", at);
    if (lineEnd < 0) break;
    const size = parseInt(body.subarray(at, lineEnd).toString("latin1"), 16);
    if (!(size > 0)) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/**
 * One HTTP/1.1 request written byte for byte, for headers that fetch and Playwright refuse
 * to send (a space in Host, raw bytes, lists). Host is the server's unless one is given.
 */
export function rawRequest(
  baseURL: string,
  {
    method = "GET",
    path,
    headers = [],
    body = "",
  }: { method?: string; path: string; headers?: RawHeader[]; body?: string },
): Promise<RawResponse> {
  const base = new URL(baseURL);
  const all: RawHeader[] = headers.some(([name]) => name.toLowerCase() === "host")
    ? headers
    : [["Host", base.host], ...headers];
  const payload = Buffer.from(body);
  const head = Buffer.concat([
    Buffer.from(`${method} ${path} HTTP/1.1\r\n`, "latin1"),
    ...all.map(([name, value]) => Buffer.concat([Buffer.from(`${name}: `), Buffer.from(value), Buffer.from("\r\n")])),
    Buffer.from(`${payload.length ? `Content-Length: ${payload.length}\r\n` : ""}Connection: close\r\n\r\n`),
  ]);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(base.port), base.hostname, () => socket.write(Buffer.concat([head, payload])));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const response = Buffer.concat(chunks);
      const headEnd = response.indexOf("\r\n\r\n");
      const [statusLine = "", ...lines] = response.subarray(0, headEnd).toString("latin1").split("\r\n");
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
      if (headEnd < 0 || !status) return reject(new Error(`No HTTP response: ${JSON.stringify(statusLine)}`));
      const responseHeaders = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
      );
      const rawBody = response.subarray(headEnd + 4);
      const text = (responseHeaders["transfer-encoding"] === "chunked" ? dechunked(rawBody) : rawBody).toString("utf8");
      resolve({ status, headers: responseHeaders, body: text });
    });
  });
}
