/*
 * The database goes away under load and comes back: APIs answer 503, pages say they can't
 * reach the database and are retrying, a tick made meanwhile is undone with a way to try
 * again, and everything works again without restarting the app.
 */
import { expect } from "@playwright/test";
import { startAppServer, type AppServer } from "../../bench/app-server";
import { cookieHeader, milestoneItem, newLearner, nextSave, ROADMAP, signUp, testClientAddress } from "../e2e/fixtures";
import { test } from "./app-port";
import { startOwnPostgres, type OwnPostgres } from "./own-postgres";

const SQL = "Learn SQL and database fundamentals";
const GIT = "Set up your development environment and learn Git";
const PROGRESS_API = "/api/roadmaps/backend-developer/progress";

let postgres: OwnPostgres;
let app: AppServer;

test.use({ extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() } });

test.beforeAll(async ({ appPort }) => {
  postgres = await startOwnPostgres();
  app = await startAppServer({
    port: appPort,
    database: { databaseUrl: postgres.databaseUrl },
    quiet: !process.env.FAULTS_VERBOSE,
    benchRoutes: false,
  });
});

let stopLoad: (() => Promise<void>) | null = null;

test.afterAll(async () => {
  await stopLoad?.();
  await app?.stop();
  postgres?.destroy();
});

type Sample = { startedAt: number; endedAt: number; status: number };

/** Eight clients asking for the learner's progress without pause until stopped: the load. */
function startLoad(baseUrl: string, cookie: string) {
  const samples: Sample[] = [];
  let running = true;
  const client = async () => {
    while (running) {
      const startedAt = Date.now();
      let status = 0;
      try {
        const response = await fetch(`${baseUrl}${PROGRESS_API}`, {
          headers: { Cookie: cookie },
          signal: AbortSignal.timeout(15_000),
        });
        status = response.status;
        await response.arrayBuffer();
      } catch {
        // A hang or a dropped connection: recorded as status 0.
      }
      samples.push({ startedAt, endedAt: Date.now(), status });
    }
  };
  const clients = Array.from({ length: 8 }, client);
  return {
    samples,
    stop: async () => {
      running = false;
      await Promise.all(clients);
    },
  };
}

test("a database outage under load: 503s, a retrying page, an undone tick, and recovery without a restart", async ({
  page,
  context,
}) => {
  // The page's own cookies: the API answers this learner, as their browser would be answered.
  const request = context.request;
  await signUp(page, newLearner("Olga Outage"));
  await page.goto(ROADMAP);
  const saved = nextSave(page);
  await page.getByRole("checkbox", { name: SQL }).check();
  await saved;
  const load = startLoad(app.baseUrl, await cookieHeader(context));
  stopLoad = load.stop;
  const readerTab = await context.newPage();
  await readerTab.goto(ROADMAP);
  await expect(readerTab.getByRole("checkbox", { name: SQL })).toBeChecked();

  const outageStarted = Date.now();
  postgres.stop();

  const api = await request.get(PROGRESS_API);
  expect(api.status()).toBe(503);
  expect(await api.json()).toMatchObject({
    code: "UNAVAILABLE",
    error: expect.stringContaining("Can't reach the database"),
  });
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(503);
  expect(await ready.json()).toMatchObject({ problem: "unreachable" });

  // The open page: the tick shows at once, then is undone with the reason and a way to retry.
  const git = page.getByRole("checkbox", { name: GIT });
  // A click, not check(): the undo can land before Playwright looks at the box again.
  await git.click();
  const failed = page.getByRole("alert").filter({ hasText: `Couldn't save “${GIT}”` });
  await expect(failed).toContainText("Can't reach the database");
  await expect(git).not.toBeChecked();

  // A page loaded now says what is wrong and that it is retrying.
  await readerTab.reload();
  await expect(readerTab.getByRole("heading", { name: "Can't reach the database" })).toBeVisible();
  await expect(readerTab.getByRole("status")).toHaveText("Retrying every few seconds…");
  await readerTab.screenshot({ path: test.info().outputPath("database-outage.png"), fullPage: true });
  const outageEnded = Date.now();

  postgres.start();

  // No reload by the test and no restart of the app: the page comes back by itself.
  await expect(readerTab.getByRole("checkbox", { name: SQL })).toBeChecked({ timeout: 30_000 });
  await expect(readerTab.getByRole("heading", { name: "Can't reach the database" })).toHaveCount(0);
  await expect.poll(async () => (await request.get("/api/ready")).status(), { timeout: 30_000 }).toBe(200);
  // Ready is one connection answering; the pool's others reconnect as they are next used (a read
  // that finds its connection dead is tried once more, on another). Recovered is when the load
  // itself is answered again, five times running; from then on nothing may fail.
  const answeredAgain = () => load.samples.slice(-5);
  await expect
    .poll(() => answeredAgain().length === 5 && answeredAgain().every((sample) => sample.status === 200), {
      timeout: 30_000,
    })
    .toBe(true);
  const recovered = Date.now();

  const retried = nextSave(page);
  await failed.getByRole("button", { name: "Try again" }).click();
  expect((await retried).ok()).toBe(true);
  await expect(git).toBeChecked();
  await expect(failed).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: GIT })).toBeChecked();
  await expect(milestoneItem(page, SQL).getByRole("checkbox")).toBeChecked();

  await new Promise((resolve) => setTimeout(resolve, 1000));
  await load.stop();
  const during = load.samples.filter(
    (sample) => sample.startedAt > outageStarted + 500 && sample.endedAt < outageEnded,
  );
  const after = load.samples.filter((sample) => sample.startedAt > recovered);
  const count = (samples: Sample[]) => {
    const byStatus = new Map<number, number>();
    for (const { status } of samples) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    return [...byStatus].map(([status, times]) => `${status}×${times}`).join(" ");
  };
  console.info(
    `Load on ${PROGRESS_API}: ${load.samples.length} requests; during the outage ${count(during)}; after recovery ${count(after)}`,
  );
  expect(during.length).toBeGreaterThan(0);
  expect(new Set(during.map((sample) => sample.status))).toEqual(new Set([503]));
  expect(after.length).toBeGreaterThan(0);
  expect(new Set(after.map((sample) => sample.status))).toEqual(new Set([200]));
});
