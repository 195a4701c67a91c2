import { describe, expect, it } from "vitest";
import { getMilestoneFeedback, postMilestoneMessage, setMilestoneReviewed } from "@/lib/data/feedback";
import { getMenteeForViewer } from "@/lib/data/mentee";
import { acceptInvite, createInvite, endMentorship } from "@/lib/data/mentorships";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import type { Viewer } from "@/lib/data/viewer";
import { backendMilestones, createLearner, menteeTable } from "./helpers";

type Actor = "learner" | "another learner" | "current mentor" | "former mentor" | "mentor of someone else";
const ACTORS: Actor[] = ["learner", "another learner", "current mentor", "former mentor", "mentor of someone else"];

/** A learner with a current mentor, a former mentor, and strangers around them. */
async function world() {
  const learner = await createLearner("Lena");
  const currentMentor = await createLearner();
  const formerMentor = await createLearner();
  const otherMentor = await createLearner();
  const anotherLearner = await createLearner();
  const link = async (mentor: Viewer, mentee: Viewer) => {
    const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
    return (await acceptInvite({ viewer: mentee, token: invite.token })).mentorshipId;
  };
  const mentorshipId = await link(currentMentor, learner);
  const formerId = await link(formerMentor, learner);
  await endMentorship({ viewer: formerMentor, mentorshipId: formerId });
  await link(otherMentor, anotherLearner);
  const [milestone] = await backendMilestones();
  await setMilestoneStatus({ viewer: learner, milestoneId: milestone!.id, status: "done" });
  await postMilestoneMessage({
    viewer: currentMentor,
    learnerId: learner.id,
    milestoneId: milestone!.id,
    body: "Nice",
  });
  const actors: Record<Actor, Viewer> = {
    learner,
    "another learner": anotherLearner,
    "current mentor": currentMentor,
    "former mentor": formerMentor,
    "mentor of someone else": otherMentor,
  };
  return { learner, mentorshipId, formerId, milestoneId: milestone!.id, actors };
}

type World = Awaited<ReturnType<typeof world>>;
type Operation = { name: string; allowed: Actor[]; run: (viewer: Viewer, w: World) => Promise<unknown> };

const OPERATIONS: Operation[] = [
  {
    name: "open the mentee's page",
    allowed: ["current mentor"],
    run: (viewer, w) => getMenteeForViewer({ viewer, mentorshipId: w.mentorshipId }),
  },
  {
    name: "open the page of a mentorship that has ended",
    allowed: [],
    run: (viewer, w) => getMenteeForViewer({ viewer, mentorshipId: w.formerId }),
  },
  {
    name: "read the feedback threads",
    allowed: ["learner", "current mentor"],
    run: (viewer, w) => getMilestoneFeedback({ viewer, learnerId: w.learner.id }),
  },
  {
    name: "post in a milestone's thread",
    allowed: ["learner", "current mentor"],
    run: (viewer, w) =>
      postMilestoneMessage({
        viewer,
        learnerId: w.learner.id,
        milestoneId: w.milestoneId,
        mentorId: w.actors["current mentor"].id,
        body: "Hi",
      }),
  },
  {
    name: "mark a milestone reviewed",
    allowed: ["current mentor"],
    run: (viewer, w) =>
      setMilestoneReviewed({ viewer, learnerId: w.learner.id, milestoneId: w.milestoneId, reviewed: true }),
  },
  {
    name: "open a mentee page that never existed",
    allowed: [],
    run: (viewer) => getMenteeForViewer({ viewer, mentorshipId: crypto.randomUUID() }),
  },
  {
    name: "read the threads of a learner who doesn't exist",
    allowed: [],
    run: (viewer) => getMilestoneFeedback({ viewer, learnerId: crypto.randomUUID() }),
  },
  {
    name: "end the mentorship",
    allowed: ["learner", "current mentor"],
    run: (viewer, w) => endMentorship({ viewer, mentorshipId: w.mentorshipId }),
  },
];

describe("who may see or touch a mentee's data", () => {
  for (const operation of OPERATIONS) {
    for (const actor of ACTORS) {
      const allowed = operation.allowed.includes(actor);
      it(`${allowed ? "lets" : "refuses"} the ${actor}: ${operation.name}`, async () => {
        const w = await world();
        const attempt = operation.run(w.actors[actor], w);
        if (allowed) {
          await expect(attempt).resolves.not.toThrow();
        } else {
          // The same answer whether or not the learner or mentorship exists.
          await expect(attempt).rejects.toMatchObject({
            code: "NOT_FOUND",
            message: "There is nothing here, or you no longer have access to it.",
          });
        }
      });
    }
  }

  it("shows a learner in no mentor's table but their current mentor's", async () => {
    const w = await world();
    for (const actor of ACTORS) {
      const table = await menteeTable({
        viewer: w.actors[actor],
        query: { sort: "name", direction: "asc", attentionOnly: false, search: "", page: 1 },
      });
      const names = table.rows.map((row) => row.learnerName);
      expect(names.includes("Lena"), actor).toBe(actor === "current mentor");
    }
  });
});
