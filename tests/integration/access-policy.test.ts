import { describe, expect, it } from "vitest";
import { countQueries } from "@/db/query-count";
import { ACCESS_POLICY, PERMISSIONS, ROLES, type LearnerChoice, type Permission, type Role } from "@/lib/data/access";
import { addMilestoneEvidence } from "@/lib/data/evidence";
import { getMilestoneFeedback, postMilestoneMessage, setMilestoneReviewed } from "@/lib/data/feedback";
import { getMenteeForViewer } from "@/lib/data/mentee";
import { acceptInvite, createInvite, endMentorship, setNotesSharing } from "@/lib/data/mentorships";
import { getNotebookForViewer } from "@/lib/data/notebook";
import { saveMilestoneNote } from "@/lib/data/notes";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import { assignRoadmap } from "@/lib/data/roadmap-assignments";
import { getRoadmapProgressForViewer } from "@/lib/data/roadmap-state";
import { getSharedProgress, publishShareLink } from "@/lib/data/share-links";
import type { Viewer } from "@/lib/data/viewer";
import { AppError } from "@/lib/domain/errors";
import { backendMilestones, createLearner } from "./helpers";

/*
 * The authorization matrix, generated from lib/data/access.ts: every relationship someone can
 * have to a learner, times every permission, expects what the policy table says.
 */

const roadmapSlug = "backend-developer";
const NOTE = "My own words on it";
const FEEDBACK = "Nice work";

/** How someone stands to the learner; a role the policy grants conditionally says what the learner chose. */
type Relation = { role: Role | null; choices?: Partial<Record<LearnerChoice, boolean>> };

const RELATIONS = {
  self: { role: "self" },
  "current mentor, notes shared": { role: "currentMentor", choices: { ifNotesShared: true } },
  "current mentor, notes private": { role: "currentMentor", choices: { ifNotesShared: false } },
  "former mentor": { role: null },
  stranger: { role: null },
  "link holder, evidence published": { role: "shareToken", choices: { ifEvidencePublished: true } },
  "link holder, evidence private": { role: "shareToken", choices: { ifEvidencePublished: false } },
} satisfies Record<string, Relation>;
type RelationName = keyof typeof RELATIONS;

function expected(relation: Relation, permission: Permission): boolean {
  if (!relation.role) return false;
  const grant = ACCESS_POLICY[relation.role][permission];
  if (typeof grant === "boolean") return grant;
  const chose = relation.choices?.[grant];
  if (chose === undefined) throw new Error(`A ${relation.role} relation must say whether the learner chose ${grant}.`);
  return chose;
}

/** Who is looking: a signed-in viewer at a mentorship's address, or a public link's holder. */
type Looking = { viewer: Viewer; mentorshipId: string } | { token: string };

/** A learner with progress, a note, evidence and a mentor's feedback, and the one person (or link) looking. */
async function world(name: RelationName) {
  const learner = await createLearner("Lena Learner");
  const mentor = await createLearner("Maya Mentor");
  const link = async (someone: Viewer) => {
    const invite = await createInvite({ viewer: someone, kind: "mentor_invites_learner" });
    return (await acceptInvite({ viewer: learner, token: invite.token })).mentorshipId;
  };
  const [milestone, untouched] = await backendMilestones();
  await setMilestoneStatus({ viewer: learner, milestoneId: milestone!.id, status: "done" });
  await saveMilestoneNote({ viewer: learner, milestoneId: milestone!.id, body: NOTE, baseVersion: 0 });
  await addMilestoneEvidence({
    viewer: learner,
    milestoneId: milestone!.id,
    title: "Repo",
    url: "https://example.com/a",
  });
  const mentorshipId = await link(mentor);
  await postMilestoneMessage({ viewer: mentor, learnerId: learner.id, milestoneId: milestone!.id, body: FEEDBACK });

  const lookingAs = (looking: Looking) => ({
    learner,
    mentor,
    milestoneId: milestone!.id,
    untouchedId: untouched!.id,
    looking,
  });
  const relation: Relation = RELATIONS[name];
  if (relation.role === "shareToken") {
    const includeEvidence = relation.choices?.ifEvidencePublished ?? false;
    const { token } = await publishShareLink({ viewer: learner, roadmapSlug, includeEvidence });
    return lookingAs({ token });
  }
  if (name === "self") return lookingAs({ viewer: learner, mentorshipId });
  if (relation.role === "currentMentor") {
    await setNotesSharing({ viewer: learner, mentorshipId, shareNotes: relation.choices?.ifNotesShared ?? false });
    return lookingAs({ viewer: mentor, mentorshipId });
  }
  if (name === "former mentor") {
    const former = await createLearner("Fred Former");
    const formerId = await link(former);
    await endMentorship({ viewer: former, mentorshipId: formerId });
    return lookingAs({ viewer: former, mentorshipId: formerId });
  }
  // A stranger who has come by the current mentorship's address.
  return lookingAs({ viewer: await createLearner("Sam Stranger"), mentorshipId });
}
type World = Awaited<ReturnType<typeof world>>;

/** Refused is the one not-found that says nothing; any other error fails the test. */
function refused(error: unknown): false {
  if (
    error instanceof AppError &&
    error.code === "NOT_FOUND" &&
    error.message === "There is nothing here, or you no longer have access to it."
  ) {
    return false;
  }
  throw error;
}

const mentions = (shared: unknown, text: string) => JSON.stringify(shared).includes(text);

const menteeRoadmap = async (looking: { viewer: Viewer; mentorshipId: string }) =>
  (await getMenteeForViewer({ viewer: looking.viewer, mentorshipId: looking.mentorshipId })).roadmaps[0]!;

/**
 * How each permission is exercised, by a signed-in viewer (their own data through their own
 * pages, anyone else's through the mentee page and feedback) or by a link's holder, whose
 * token reaches getSharedProgress and nothing else.
 */
const PROBES: Record<Permission, (w: World) => Promise<boolean>> = {
  async readProgress(w) {
    const seen = (statuses: Record<string, string>) => statuses[w.milestoneId] === "done";
    const { looking } = w;
    if ("token" in looking) {
      const shared = await getSharedProgress(looking.token);
      return shared.state === "shared" && seen(shared.statuses);
    }
    if (looking.viewer === w.learner)
      return seen((await getRoadmapProgressForViewer({ viewer: w.learner, roadmapSlug })).statuses);
    return menteeRoadmap(looking).then(({ statuses }) => seen(statuses), refused);
  },
  async readNotes(w) {
    const { looking } = w;
    if ("token" in looking) return mentions(await getSharedProgress(looking.token), NOTE);
    if (looking.viewer === w.learner) {
      return (await getNotebookForViewer({ viewer: w.learner, roadmapSlug })).notes[w.milestoneId]?.body === NOTE;
    }
    return menteeRoadmap(looking).then(({ notes }) => notes[w.milestoneId]?.body === NOTE, refused);
  },
  async readEvidence(w) {
    const { looking } = w;
    if ("token" in looking) {
      const shared = await getSharedProgress(looking.token);
      return shared.state === "shared" && (shared.evidence?.[w.milestoneId]?.length ?? 0) > 0;
    }
    if (looking.viewer === w.learner) {
      return (
        ((await getNotebookForViewer({ viewer: w.learner, roadmapSlug })).evidence[w.milestoneId]?.length ?? 0) > 0
      );
    }
    return menteeRoadmap(looking).then(({ evidence }) => (evidence[w.milestoneId]?.length ?? 0) > 0, refused);
  },
  async readFeedback(w) {
    const { looking } = w;
    if ("token" in looking) return mentions(await getSharedProgress(looking.token), FEEDBACK);
    return getMilestoneFeedback({ viewer: looking.viewer, learnerId: w.learner.id }).then(
      (feedback) => (feedback.threads[w.milestoneId]?.length ?? 0) > 0,
      refused,
    );
  },
  async postFeedback(w) {
    const { looking } = w;
    if ("token" in looking) return false;
    return postMilestoneMessage({
      viewer: looking.viewer,
      learnerId: w.learner.id,
      milestoneId: w.milestoneId,
      mentorId: w.mentor.id,
      body: "Thanks",
    }).then(() => true, refused);
  },
  async markReviewed(w) {
    const { looking } = w;
    if ("token" in looking) return false;
    return setMilestoneReviewed({
      viewer: looking.viewer,
      learnerId: w.learner.id,
      milestoneId: w.milestoneId,
      reviewed: true,
    }).then(() => true, refused);
  },
  async assignRoadmap(w) {
    const { looking } = w;
    if ("token" in looking) return false;
    return assignRoadmap({ viewer: looking.viewer, mentorshipId: looking.mentorshipId, roadmapSlug }).then(
      () => true,
      refused,
    );
  },
  // Progress is written through setMilestoneStatus only, which writes the viewer's own.
  async writeProgress(w) {
    const { looking } = w;
    if ("token" in looking) return false;
    await setMilestoneStatus({ viewer: looking.viewer, milestoneId: w.untouchedId, status: "done" });
    const { statuses } = await getRoadmapProgressForViewer({ viewer: w.learner, roadmapSlug });
    return statuses[w.untouchedId] === "done";
  },
};

describe("the access policy", () => {
  it("has a relationship to test for every role it declares", () => {
    const covered = new Set(Object.values(RELATIONS as Record<string, Relation>).map((relation) => relation.role));
    for (const role of ROLES) expect(covered.has(role), role).toBe(true);
    expect(covered.has(null), "someone with no role").toBe(true);
    expect(Object.keys(PROBES).sort()).toEqual([...PERMISSIONS].sort());
  });

  for (const [name, relation] of Object.entries(RELATIONS) as [RelationName, Relation][]) {
    for (const permission of PERMISSIONS) {
      const allowed = expected(relation, permission);
      it(`${allowed ? "lets" : "refuses"} the ${name}: ${permission}`, async () => {
        const w = await world(name);
        expect(await PROBES[permission](w)).toBe(allowed);
      });
    }
  }

  it("checks the mentorship once when a mentor opens a mentee's page", async () => {
    const w = await world("current mentor, notes shared");
    const { looking } = w;
    if ("token" in looking) throw new Error("A mentor looks as a signed-in viewer.");
    const { statements } = await countQueries(() => getMenteeForViewer(looking));
    expect(statements.filter((statement) => statement.includes('from "mentorships"'))).toHaveLength(1);
  });
});
