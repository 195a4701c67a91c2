import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, milestoneItem, nextSave, ROADMAP, signIn, test } from "./fixtures";

const NOTE = `Private thoughts ${Date.now()}: the interviewer asked about B-trees`;

test("the server's logs are JSON lines with request ids, and never hold a password, a session token or a note", async ({
  page,
  learner,
}) => {
  await page.goto(ROADMAP);
  const milestone = milestoneItem(page, "Understand how the web works");
  await milestone.getByText("Your notes").click();
  const saved = nextSave(page);
  await milestone.getByLabel(/^Note on/).fill(NOTE);
  await saved;
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("authjs.session-token"));
  expect(session?.value).toBeTruthy();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await signIn(page, { email: learner.email, password: `${learner.password} (typo)` });
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();

  const log = readFileSync(path.join(process.env.E2E_DATA_DIR!, "server.log"), "utf8");
  for (const secret of [learner.password, NOTE, session!.value, `${learner.password} (typo)`]) {
    expect(log).not.toContain(secret);
  }
  const actions = log
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.msg === "action");
  expect(actions.length).toBeGreaterThan(0);
  for (const entry of actions) expect(entry.requestId).toEqual(expect.any(String));
  expect(actions.map((entry) => entry.outcome)).toContain("UNAUTHENTICATED");
});

test("addresses that can't name a mentee or a shared page are not found, and no log line holds a query's parameters", async ({
  page,
  learner,
}) => {
  // The header's notifications link carries the viewer's id in the page's data.
  const dashboard = await (await page.request.get("/dashboard")).text();
  const viewerId = /viewerId\\?":\\?"([0-9a-f-]{36})/.exec(dashboard)?.[1];
  expect(viewerId).toEqual(expect.any(String));

  for (const [address, heading] of [
    ["/mentees/not-a-uuid", "This page isn't available"],
    ["/share/%00", "Page not found"],
  ] as const) {
    await page.goto(address);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
  // An action's own line, written after everything these visits wrote, says the log has caught up.
  await page.goto(ROADMAP);
  const milestone = milestoneItem(page, "Understand how the web works");
  await milestone.getByText("Your notes").click();
  const saved = nextSave(page);
  await milestone.getByLabel(/^Note on/).fill("Caught up");
  const requestId = (await saved).headers()["x-request-id"];
  const logFile = path.join(process.env.E2E_DATA_DIR!, "server.log");
  await expect.poll(() => readFileSync(logFile, "utf8")).toContain(`"requestId":"${requestId}"`);

  const log = readFileSync(logFile, "utf8");
  for (const parameter of [viewerId!, learner.email, "not-a-uuid", "params:", "\\u0000", "\u0000"]) {
    expect(log).not.toContain(parameter);
  }
});
