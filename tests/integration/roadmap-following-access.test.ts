import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { roadmaps } from "@/db/schema";
import { followRoadmapForViewer, unfollowRoadmapForViewer } from "@/lib/data/following";
import { ROADMAP_POLICY, type RoadmapRole } from "@/lib/data/roadmap-access";
import { getCatalogueForViewer } from "@/lib/data/roadmap-catalogue";
import type { Viewer } from "@/lib/data/viewer";
import { AppError } from "@/lib/domain/errors";
import { createAuthoredRoadmap, createLearner, viewRoadmap } from "./helpers";

/*
 * Who may find, open, follow and stop following an authored roadmap: each relationship
 * someone can have to it, times each of those, expects what lib/data/roadmap-access.ts says.
 * Following needs an account: the actions answer anyone signed out before any of this runs
 * (tests/e2e/hostile-requests.spec.ts sends every action without a session).
 */

type Relation = {
  role: RoadmapRole | null;
  /** How the author left the roadmap's visibility once everyone was in place. */
  visibility: "private" | "unlisted" | "public";
  /** Whether the catalogue lists it: never an unlisted or private one to someone who doesn't own or follow it. */
  listed: boolean;
  signedIn: boolean;
};

const RELATIONS = {
  author: { role: "owner", visibility: "private", listed: true, signedIn: true },
  "follower, since made private": { role: "follower", visibility: "private", listed: true, signedIn: true },
  "stranger, private roadmap": { role: null, visibility: "private", listed: false, signedIn: true },
  "stranger, public roadmap": { role: "reader", visibility: "public", listed: true, signedIn: true },
  "unlisted link holder": { role: "reader", visibility: "unlisted", listed: false, signedIn: true },
  "anonymous, private roadmap": { role: null, visibility: "private", listed: false, signedIn: false },
  "anonymous, public roadmap": { role: "reader", visibility: "public", listed: true, signedIn: false },
  "anonymous, unlisted link holder": { role: "reader", visibility: "unlisted", listed: false, signedIn: false },
} satisfies Record<string, Relation>;
type RelationName = keyof typeof RELATIONS;

async function world(name: RelationName) {
  const relation: Relation = RELATIONS[name];
  const author = await createLearner("Ada Author");
  const roadmap = await createAuthoredRoadmap({ owner: author, visibility: "public", publish: true });
  let looking: Viewer | null = null;
  if (relation.role === "owner") looking = author;
  else if (relation.signedIn) looking = await createLearner("Someone Else");
  if (relation.role === "follower") await followRoadmapForViewer({ viewer: looking!, roadmapSlug: roadmap.slug });
  await getDb().update(roadmaps).set({ visibility: relation.visibility }).where(eq(roadmaps.id, roadmap.id));
  return { roadmap, looking };
}

function refused(error: unknown): false {
  if (error instanceof AppError && error.code === "NOT_FOUND") return false;
  throw error;
}

const PROBES = {
  async listed({ roadmap, looking }) {
    const { entries } = await getCatalogueForViewer({ viewer: looking });
    return entries.some((entry) => entry.slug === roadmap.slug);
  },
  async view({ roadmap, looking }) {
    return viewRoadmap({ viewer: looking, slug: roadmap.slug }).then(() => true, refused);
  },
  async follow({ roadmap, looking }) {
    if (!looking) return false;
    return followRoadmapForViewer({ viewer: looking, roadmapSlug: roadmap.slug }).then(() => true, refused);
  },
  async unfollow({ roadmap, looking }) {
    if (!looking) return false;
    return unfollowRoadmapForViewer({ viewer: looking, roadmapSlug: roadmap.slug }).then(() => true, refused);
  },
} satisfies Record<string, (w: Awaited<ReturnType<typeof world>>) => Promise<boolean>>;

function expected(relation: Relation, probe: keyof typeof PROBES): boolean {
  if (probe === "listed") return relation.listed;
  if (!relation.role) return false;
  if (probe === "view") return ROADMAP_POLICY[relation.role].view;
  return relation.signedIn && ROADMAP_POLICY[relation.role].follow;
}

describe("who may find, open and follow an authored roadmap", () => {
  for (const [name, relation] of Object.entries(RELATIONS) as [RelationName, Relation][]) {
    for (const probe of Object.keys(PROBES) as (keyof typeof PROBES)[]) {
      const allowed = expected(relation, probe);
      it(`${allowed ? "lets" : "refuses"} the ${name}: ${probe}`, async () => {
        expect(await PROBES[probe](await world(name))).toBe(allowed);
      });
    }
  }

  it("lists an unlisted roadmap to its link holder once they follow it, and stops once they don't", async () => {
    const { roadmap } = await world("unlisted link holder");
    const holder = await createLearner("Lin Holder");
    const listed = async () =>
      (await getCatalogueForViewer({ viewer: holder })).entries.some((entry) => entry.slug === roadmap.slug);
    await followRoadmapForViewer({ viewer: holder, roadmapSlug: roadmap.slug });
    expect(await listed()).toBe(true);
    await unfollowRoadmapForViewer({ viewer: holder, roadmapSlug: roadmap.slug });
    expect(await listed()).toBe(false);
  });
});
