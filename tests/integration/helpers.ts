import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { forgetRoadmapContent } from "@/db/content/cache";
import type { MilestoneContent, RoadmapContent } from "@/db/content/content-schema";
import { recordVersion, writePublishedContent } from "@/db/content/sync";
import { progressEvents, roadmaps } from "@/db/schema";
import { startSession } from "@/lib/data/sessions";
import { createUserWithPassword } from "@/lib/data/users";
import type { Viewer } from "@/lib/data/viewer";
import { getMenteesPageForViewer } from "@/lib/data/mentee-table";
import { getRoadmapPageForViewer, getRoadmapProgressForViewer } from "@/lib/data/roadmap-state";

export const TEST_PASSWORD = "a long and unusual passphrase";

export function uniqueEmail(label = "learner"): string {
  return `${label}-${randomUUID()}@example.test`;
}

export async function createLearner(name = "Test Learner"): Promise<Viewer> {
  return createUserWithPassword({ name, email: uniqueEmail(), password: TEST_PASSWORD });
}

export const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

/** A sign-in, as Auth.js records one: the user and session id its cookie carries. */
export async function signInSession(
  viewer: Viewer,
  { userAgent = FIREFOX_ON_WINDOWS, now }: { userAgent?: string | null; now?: Date } = {},
) {
  return { userId: viewer.id, sessionId: await startSession({ userId: viewer.id, userAgent, now }) };
}

/** The shipped Backend Developer roadmap's milestones, in roadmap order. */
export async function backendMilestones() {
  const { roadmap } = await viewRoadmap({ viewer: null, slug: "backend-developer" });
  return roadmap.stages.flatMap((stage) => stage.milestones.map((milestone) => ({ ...milestone, stageId: stage.id })));
}

/** Everything in the event log for one learner, oldest first: what the tests check writes against. */
export async function eventsOf(viewer: Viewer) {
  return getDb()
    .select({
      id: progressEvents.id,
      actorId: progressEvents.actorId,
      milestoneId: progressEvents.milestoneId,
      fromStatus: progressEvents.fromStatus,
      toStatus: progressEvents.toStatus,
      createdAt: progressEvents.createdAt,
    })
    .from(progressEvents)
    .where(eq(progressEvents.userId, viewer.id))
    .orderBy(asc(progressEvents.id));
}

/** A roadmap as its page loads it, with the viewer's statuses (none when signed out). */
export async function viewRoadmap({ viewer, slug }: { viewer: Viewer | null; slug: string }) {
  const { roadmap, state } = await getRoadmapPageForViewer({ viewer, slug });
  return { roadmap, statuses: state?.statuses ?? {}, state };
}

export async function statusesOf(args: { viewer: Viewer; roadmapSlug: string }) {
  return (await getRoadmapProgressForViewer(args)).statuses;
}

export async function datesOf(args: { viewer: Viewer; roadmapSlug: string }) {
  return (await getRoadmapProgressForViewer(args)).dates;
}

export async function menteeTable(args: Parameters<typeof getMenteesPageForViewer>[0]) {
  return (await getMenteesPageForViewer(args)).table;
}

function authoredMilestone(slug: string): MilestoneContent {
  return {
    slug,
    title: `Learn ${slug}`,
    description: `What ${slug} is about.`,
    whyItMatters: `Why ${slug} matters.`,
    skills: [],
    tools: [],
    resources: [],
    doneWhen: [],
    practice: "",
  };
}

/** A small roadmap of two stages, the second without a time window, for tests of authored roadmaps. */
export function authoredContent(slug: string, changes: Partial<RoadmapContent> = {}): RoadmapContent {
  return {
    slug,
    title: `Authored ${slug}`,
    summary: "A roadmap a learner wrote, for tests.",
    salaryCaveat: "",
    salaryGuides: [],
    stages: [
      {
        slug: "first-steps",
        title: "First steps",
        summary: "Where it starts.",
        startMonth: 0,
        endMonth: 2,
        milestones: [authoredMilestone("alpha"), authoredMilestone("beta")],
      },
      {
        slug: "whenever",
        title: "Whenever you like",
        summary: "No set time.",
        startMonth: null,
        endMonth: null,
        milestones: [authoredMilestone("gamma")],
      },
    ],
    ...changes,
  };
}

/**
 * A roadmap written by `owner`, as authoring will make one: its row with the content as the draft,
 * and, when published, its stages and milestones and first version. Test-only: the authoring
 * code in lib/ is the real way.
 */
export async function createAuthoredRoadmap({
  owner,
  visibility,
  publish,
  content = authoredContent(`authored-${randomUUID().slice(0, 8)}`),
}: {
  owner: Viewer;
  visibility: "private" | "unlisted" | "public";
  publish: boolean;
  content?: RoadmapContent;
}): Promise<{ id: string; slug: string; title: string }> {
  const created = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(roadmaps)
      .values({
        slug: content.slug,
        title: content.title,
        summary: content.summary,
        salaryGuides: content.salaryGuides,
        salaryCaveat: content.salaryCaveat,
        ownerId: owner.id,
        visibility,
        draft: publish ? null : content,
      })
      .returning();
    if (publish) {
      await writePublishedContent(tx, row!, content);
      await recordVersion(tx, row!.id, content, owner.id);
    }
    return row!;
  });
  forgetRoadmapContent();
  return { id: created.id, slug: created.slug, title: created.title };
}
