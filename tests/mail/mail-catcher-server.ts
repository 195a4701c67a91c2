/*
 * The browser tests' mail server, started by Playwright beside the app: the app sends to its
 * SMTP port, and tests read what arrived from its HTTP port (GET /mails?to=<address>).
 */
import { createServer } from "node:http";
import { startMailCatcher } from "./mail-catcher";

const smtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT);
const httpPort = Number(process.env.MAIL_CATCHER_HTTP_PORT);
const catcher = await startMailCatcher(smtpPort);

createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://catcher");
  if (url.pathname === "/health") {
    response.end("ok");
    return;
  }
  if (url.pathname === "/mails") {
    const to = url.searchParams.get("to");
    response.setHeader("Content-Type", "application/json");
    response.end(JSON.stringify(to ? catcher.mailsTo(to) : catcher.mails));
    return;
  }
  response.statusCode = 404;
  response.end();
}).listen(httpPort, "127.0.0.1");
