/*
 * The app is killed with SIGKILL in the middle of a stream of status changes, on each
 * driver. After a restart every change a client saw acknowledged is there, and nothing is
 * half-written: each milestone's row, its event chain and the learner's summary agree.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";
import { asc, eq } from "drizzle-orm";
import { serverActionId, startAppServer, type AppServer } from "../../bench/app-server";
import { openDatabase, type DatabaseTarget } from "../../db/client";
import { prepareDatabase } from "../../db/prepare";
import {
  learnerProgressSummaries,
  milestoneProgress,
  milestones,
  progressEvents,
  roadmaps,
  users,
} from "../../db/schema";
import type { MilestoneStatus } from "../../lib/domain/progress-math";
import { cookieHeader, newLearner, signUp, testClientAddress } from "../e2e/fixtures";
import { test } from "./app-port";
import { startOwnPostgres, type OwnPostgres } from "./own-postgres";
import { sessionCutoffs } from "../../lib/domain/session-lifetimes";

const WRITERS = 4;
const MILESTONES_PER_WRITER = 3;
const CYCLE: MilestoneStatus[] = ["in_progress", "done", "skipped", "not_started"];

test.use({ extraHTTPHeaders: { "X-Forwarded-For": testClientAddress() } });

type Change = { milestoneId: string; status: MilestoneStatus };
type Writer = { acknowledged: Change[]; inFlight: Change | null };

/** One client sending its changes one after another until the server stops answering. */
async function write(
  baseUrl: string,
  headers: Record<string, string>,
  own: string[],
  writer: Writer,
  stopWriters: { stopped: boolean },
) {
  for (let step = 0; !stopWriters.stopped; step++) {
    const change: Change = {
      milestoneId: own[step % own.length]!,
      status: CYCLE[Math.floor(step / own.length) % CYCLE.length]!,
    };
    writer.inFlight = change;
    try {
      const response = await fetch(`${baseUrl}/roadmaps/backend-developer`, {
        method: "POST",
        headers,
        body: JSON.stringify([change]),
      });
      const body = await response.text();
      if (response.status !== 200 || !body.includes('"ok":true')) throw new Error(`Refused: ${response.status}`);
      writer.acknowledged.push(change);
      writer.inFlight = null;
    } catch {
      // The server died: this change may or may not have committed; it was never acknowledged.
      return;
    }
  }
}

for (const driver of ["pglite", "postgres"] as const) {
  test.describe(`on ${driver}`, () => {
    let postgres: OwnPostgres | null = null;
    let dataDir: string;
    let app: AppServer | null = null;

    test.afterAll(async () => {
      await app?.stop();
      postgres?.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test("SIGKILL during a stream of writes loses no acknowledged change and half-writes nothing", async ({
      page,
      context,
      appPort,
    }) => {
      dataDir = mkdtempSync(path.join(tmpdir(), `waymark-faults-crash-${driver}-`));
      if (driver === "postgres") postgres = await startOwnPostgres();
      const server = postgres ? { databaseUrl: postgres.databaseUrl } : { dataDir };
      const target: DatabaseTarget = postgres
        ? { databaseUrl: postgres.databaseUrl }
        : { pgliteDir: path.join(dataDir, "pglite") };
      const openPrepared = async () => {
        const handle = openDatabase(target, { logQuery: () => {} });
        await prepareDatabase(handle, sessionCutoffs(new Date()));
        return handle;
      };

      // The milestones' ids, read before the app holds the embedded database.
      let handle = await openPrepared();
      const milestoneIds = (
        await handle.db
          .select({ id: milestones.id })
          .from(milestones)
          .innerJoin(roadmaps, eq(roadmaps.id, milestones.roadmapId))
          .where(eq(roadmaps.slug, "backend-developer"))
          .orderBy(asc(milestones.position))
      ).map((row) => row.id);
      await handle.close();

      const authSecret = randomBytes(32).toString("base64url");
      const start = () =>
        startAppServer({
          port: appPort,
          database: server,
          quiet: !process.env.FAULTS_VERBOSE,
          benchRoutes: false,
          authSecret,
        });
      app = await start();
      const learner = newLearner("Cass Crash");
      await signUp(page, learner);
      const headers = {
        Cookie: await cookieHeader(context),
        "Next-Action": serverActionId("lib/actions/progress.ts", "setMilestoneStatusAction"),
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
        Origin: app.baseUrl,
      };

      const writers: Writer[] = Array.from({ length: WRITERS }, () => ({ acknowledged: [], inFlight: null }));
      const stopWriters = { stopped: false };
      const writing = writers.map((writer, index) =>
        write(
          app!.baseUrl,
          headers,
          milestoneIds.slice(index * MILESTONES_PER_WRITER, (index + 1) * MILESTONES_PER_WRITER),
          writer,
          stopWriters,
        ),
      );
      // Killed while every writer has a change on its way, after enough acknowledged ones to matter.
      await expect
        .poll(() => writers.reduce((sum, writer) => sum + writer.acknowledged.length, 0), { timeout: 60_000 })
        .toBeGreaterThan(60);
      await app.kill();
      stopWriters.stopped = true;
      await Promise.all(writing);
      const acknowledged = writers.reduce((sum, writer) => sum + writer.acknowledged.length, 0);

      app = await start();
      const progress = await fetch(`${app.baseUrl}/api/roadmaps/backend-developer/progress`, {
        headers: { Cookie: headers.Cookie },
      });
      expect(progress.status).toBe(200);
      const { statuses } = (await progress.json()) as { statuses: Record<string, MilestoneStatus> };
      for (const writer of writers) {
        const last = new Map(writer.acknowledged.map((change) => [change.milestoneId, change.status]));
        for (const [milestoneId, status] of last) {
          const now = statuses[milestoneId] ?? "not_started";
          // The change on its way when the server died may have committed before the kill.
          const allowed = [status, ...(writer.inFlight?.milestoneId === milestoneId ? [writer.inFlight.status] : [])];
          expect(allowed, `milestone ${milestoneId}`).toContain(now);
        }
      }
      await app.stop();
      app = null;

      // Nothing half-written: rows, event chains and the summary agree, read straight from the database.
      handle = await openPrepared();
      try {
        const [user] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, learner.email));
        const rows = await handle.db.select().from(milestoneProgress).where(eq(milestoneProgress.userId, user!.id));
        const events = await handle.db
          .select()
          .from(progressEvents)
          .where(eq(progressEvents.userId, user!.id))
          .orderBy(asc(progressEvents.id));
        expect(events.length).toBeGreaterThanOrEqual(acknowledged);
        for (const row of rows) {
          let previous: MilestoneStatus = "not_started";
          for (const event of events.filter((candidate) => candidate.milestoneId === row.milestoneId)) {
            expect(event.fromStatus).toBe(previous);
            previous = event.toStatus;
          }
          expect(row.status).toBe(previous);
        }
        const [summary] = await handle.db
          .select()
          .from(learnerProgressSummaries)
          .where(eq(learnerProgressSummaries.userId, user!.id));
        expect(summary!.done).toBe(rows.filter((row) => row.status === "done").length);
        expect(summary!.inProgress).toBe(rows.filter((row) => row.status === "in_progress").length);
        expect(summary!.skipped).toBe(rows.filter((row) => row.status === "skipped").length);
        console.info(
          `${driver}: killed after ${acknowledged} acknowledged changes; after restart all present, ${events.length} events, chains and summary consistent`,
        );
      } finally {
        await handle.close();
      }
    });
  });
}
