import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, milestoneItem, nextSave, ROADMAP, test } from "./fixtures";

const FIRST_MILESTONE = "Understand how the web works";

function scriptPolicy(policy: string): string {
  return policy.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
}

test("pages allow only scripts carrying a nonce that changes with every request", async ({ request }) => {
  const nonces = [];
  for (let load = 0; load < 2; load++) {
    const response = await request.get(ROADMAP);
    const policy = response.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(scriptPolicy(policy))?.[1];
    expect(nonce).toBeTruthy();
    expect(scriptPolicy(policy)).toContain("'strict-dynamic'");
    expect(scriptPolicy(policy)).not.toContain("'unsafe-inline'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    nonces.push(nonce);
    expect(response.headers()["permissions-policy"]).toContain("camera=()");
    expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  }
  expect(nonces[0]).not.toBe(nonces[1]);

  const api = await request.get("/api/health");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
});

test("the app works under its policy: nothing is refused while a learner ticks, writes and switches theme", async ({
  page,
  learner,
}) => {
  expect(learner.email).toBeTruthy();
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
  });
  await page.goto(ROADMAP);
  const saved = nextSave(page);
  await page.getByRole("checkbox", { name: FIRST_MILESTONE }).check();
  await saved;
  await milestoneItem(page, FIRST_MILESTONE).getByText("Details").click();
  await page.getByLabel("Theme").selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: FIRST_MILESTONE })).toBeChecked();
  expect(refusals).toEqual([]);
});

test("the session cookie is out of scripts' reach and not sent on cross-site requests", async ({ page, learner }) => {
  expect(learner.email).toBeTruthy();
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("authjs.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("a server action posted from another origin is refused and changes nothing", async ({ page, learner }) => {
  expect(learner.email).toBeTruthy();
  await page.goto(ROADMAP);
  const milestoneId = await page.getByRole("checkbox", { name: FIRST_MILESTONE }).getAttribute("data-milestone-id");
  const manifest = JSON.parse(
    readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName?: string }> };
  const [actionId] = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === "setMilestoneStatusAction",
  )!;

  const response = await page.request.post(ROADMAP, {
    headers: {
      "Next-Action": actionId,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: "https://attacker.example",
    },
    data: JSON.stringify([{ milestoneId, status: "done" }]),
  });
  expect(response.status()).toBe(403);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: FIRST_MILESTONE })).not.toBeChecked();
});
