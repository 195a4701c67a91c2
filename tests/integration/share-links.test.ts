import { describe, expect, it } from "vitest";
import { countQueries } from "@/db/query-count";
import { addMilestoneEvidence } from "@/lib/data/evidence";
import { saveMilestoneNote } from "@/lib/data/notes";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import { getSharedProgress, publishShareLink, revokeShareLink } from "@/lib/data/share-links";
import { backendMilestones, createLearner, viewRoadmap } from "./helpers";

const roadmapSlug = "backend-developer";

async function learnerWithRecord() {
  const learner = await createLearner("Ada Lovelace");
  const [first, second] = await backendMilestones();
  await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "done" });
  await setMilestoneStatus({ viewer: learner, milestoneId: second!.id, status: "in_progress" });
  await saveMilestoneNote({
    viewer: learner,
    milestoneId: first!.id,
    body: "private: my salary hopes",
    baseVersion: 0,
  });
  await addMilestoneEvidence({
    viewer: learner,
    milestoneId: first!.id,
    title: "Terminal notes repo",
    url: "https://github.com/example/terminal",
  });
  return { learner, first: first!, second: second! };
}

describe("public share links", () => {
  it("publishes the learner's statuses under an unguessable address, without notes or evidence", async () => {
    const { learner, first, second } = await learnerWithRecord();
    const link = await publishShareLink({ viewer: learner, roadmapSlug, includeEvidence: false });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const shared = await getSharedProgress(link.token);
    expect(shared).toMatchObject({ state: "shared", learnerName: "Ada Lovelace", evidence: null });
    if (shared.state !== "shared") throw new Error("expected a shared page");
    expect(shared.statuses).toEqual({ [first.id]: "done", [second.id]: "in_progress" });
    expect(shared.roadmap.title).toBe("Backend Developer");
    const everything = JSON.stringify(shared);
    expect(everything).not.toContain("salary hopes");
    expect(everything).not.toContain(learner.email);
    expect(everything).not.toContain("Terminal notes repo");
  });

  it("shows evidence links only once the learner chooses, at the same address", async () => {
    const { learner, first } = await learnerWithRecord();
    const link = await publishShareLink({ viewer: learner, roadmapSlug, includeEvidence: false });
    const again = await publishShareLink({ viewer: learner, roadmapSlug, includeEvidence: true });
    expect(again.token).toBe(link.token);
    const shared = await getSharedProgress(link.token);
    expect(shared).toMatchObject({
      evidence: { [first.id]: [{ title: "Terminal notes repo", url: "https://github.com/example/terminal" }] },
    });
    expect(JSON.stringify(shared)).not.toContain("salary hopes");
  });

  it("revokes: the old address says it is no longer shared, and a new link gets a new address", async () => {
    const { learner } = await learnerWithRecord();
    const link = await publishShareLink({ viewer: learner, roadmapSlug, includeEvidence: true });
    await revokeShareLink({ viewer: learner, roadmapSlug });
    expect(await getSharedProgress(link.token)).toEqual({ state: "revoked" });
    expect((await viewRoadmap({ viewer: learner, slug: roadmapSlug })).state?.shareLink).toBeNull();

    const fresh = await publishShareLink({ viewer: learner, roadmapSlug, includeEvidence: false });
    expect(fresh.token).not.toBe(link.token);
    expect(await getSharedProgress(link.token)).toEqual({ state: "revoked" });
    expect((await getSharedProgress(fresh.token)).state).toBe("shared");
  });

  it("answers an address that never existed as missing", async () => {
    expect(await getSharedProgress("not-a-real-token")).toEqual({ state: "missing" });
  });

  it("answers an address that can't be a link as missing without a query, even one Postgres could not read", async () => {
    const { learner } = await learnerWithRecord();
    const { token } = await publishShareLink({ viewer: learner, roadmapSlug, includeEvidence: false });
    for (const address of [
      "\u0000",
      "%00",
      "",
      `${token}\u0000`,
      `${token}A`,
      token.slice(1),
      `${token.slice(1)}+`,
      "' or 1=1 --",
    ]) {
      const { result, queries } = await countQueries(() => getSharedProgress(address));
      expect({ address, result, queries }).toEqual({ address, result: { state: "missing" }, queries: 0 });
    }
    expect((await getSharedProgress(token)).state).toBe("shared");
  });

  it("keeps each learner's link their own: another learner cannot see or revoke it", async () => {
    const { learner } = await learnerWithRecord();
    const other = await createLearner("Grace");
    const link = await publishShareLink({ viewer: learner, roadmapSlug, includeEvidence: false });
    expect((await viewRoadmap({ viewer: other, slug: roadmapSlug })).state?.shareLink).toBeNull();
    await revokeShareLink({ viewer: other, roadmapSlug });
    expect((await getSharedProgress(link.token)).state).toBe("shared");
  });

  it("gives one link when two tabs publish at once", async () => {
    const { learner } = await learnerWithRecord();
    const links = await Promise.all(
      Array.from({ length: 5 }, () => publishShareLink({ viewer: learner, roadmapSlug, includeEvidence: false })),
    );
    expect(new Set(links.map((link) => link.token)).size).toBe(1);
  });

  it("names an anonymous learner neutrally", async () => {
    const learner = await createLearner("   ");
    const link = await publishShareLink({ viewer: learner, roadmapSlug, includeEvidence: false });
    expect(await getSharedProgress(link.token)).toMatchObject({ learnerName: "A Waymark learner" });
  });
});
