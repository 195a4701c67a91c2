import { describe, expect, it } from "vitest";
import { getMenteeForViewer } from "@/lib/data/mentee";
import { acceptInvite, createInvite, setNotesSharing } from "@/lib/data/mentorships";
import { NOTE_MAX_LENGTH, saveMilestoneNote } from "@/lib/data/notes";
import { setMilestoneStatus } from "@/lib/data/milestone-status";
import { getNotebookForViewer } from "@/lib/data/notebook";
import type { Viewer } from "@/lib/data/viewer";
import { backendMilestones, createLearner } from "./helpers";

const slug = "backend-developer";
const notesOf = async (input: { viewer: Viewer; roadmapSlug: string }) => (await getNotebookForViewer(input)).notes;

describe("notes on milestones", () => {
  it("saves a private note and counts its versions", async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    const created = await saveMilestoneNote({
      viewer: learner,
      milestoneId: first!.id,
      body: "# Plan",
      baseVersion: 0,
    });
    expect(created).toMatchObject({ version: 1, replacedNewer: false });
    const edited = await saveMilestoneNote({
      viewer: learner,
      milestoneId: first!.id,
      body: "# Plan v2",
      baseVersion: 1,
    });
    expect(edited).toMatchObject({ version: 2, replacedNewer: false });
    expect((await notesOf({ viewer: learner, roadmapSlug: slug }))[first!.id]).toMatchObject({
      body: "# Plan v2",
      version: 2,
    });
  });

  it("lets the last write win and tells the writer it replaced a version it had not seen", async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    await saveMilestoneNote({ viewer: learner, milestoneId: first!.id, body: "tab A", baseVersion: 0 });
    await saveMilestoneNote({ viewer: learner, milestoneId: first!.id, body: "tab A again", baseVersion: 1 });
    const fromTabB = await saveMilestoneNote({
      viewer: learner,
      milestoneId: first!.id,
      body: "tab B",
      baseVersion: 1,
    });
    expect(fromTabB).toMatchObject({ version: 3, replacedNewer: true });
    expect((await notesOf({ viewer: learner, roadmapSlug: slug }))[first!.id]!.body).toBe("tab B");
  });

  it(`accepts ${NOTE_MAX_LENGTH} characters and refuses one more, saying how many`, async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    await expect(
      saveMilestoneNote({ viewer: learner, milestoneId: first!.id, body: "a".repeat(NOTE_MAX_LENGTH), baseVersion: 0 }),
    ).resolves.toMatchObject({ version: 1 });
    await expect(
      saveMilestoneNote({
        viewer: learner,
        milestoneId: first!.id,
        body: "a".repeat(NOTE_MAX_LENGTH + 1),
        baseVersion: 1,
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("20,001") });
  });

  it("stores hostile text as text", async () => {
    const learner = await createLearner();
    const [first] = await backendMilestones();
    const payload = `<script>alert("x")</script>'); drop table users; --`;
    await saveMilestoneNote({ viewer: learner, milestoneId: first!.id, body: payload, baseVersion: 0 });
    expect((await notesOf({ viewer: learner, roadmapSlug: slug }))[first!.id]!.body).toBe(payload);
  });

  it("shows a learner's notes to a mentor only once the learner shares them", async () => {
    const mentor = await createLearner("Maya Mentor");
    const learner = await createLearner();
    const other = await createLearner();
    const invite = await createInvite({ viewer: mentor, kind: "mentor_invites_learner" });
    const { mentorshipId } = await acceptInvite({ viewer: learner, token: invite.token });
    const [first] = await backendMilestones();
    await setMilestoneStatus({ viewer: learner, milestoneId: first!.id, status: "in_progress" });
    await saveMilestoneNote({ viewer: learner, milestoneId: first!.id, body: "Private thoughts", baseVersion: 0 });

    expect((await getMenteeForViewer({ viewer: mentor, mentorshipId })).roadmaps[0]!.notes).toEqual({});
    await expect(setNotesSharing({ viewer: mentor, mentorshipId, shareNotes: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await setNotesSharing({ viewer: learner, mentorshipId, shareNotes: true });
    expect((await getMenteeForViewer({ viewer: mentor, mentorshipId })).roadmaps[0]!.notes[first!.id]!.body).toBe(
      "Private thoughts",
    );
    expect(await notesOf({ viewer: other, roadmapSlug: slug })).toEqual({});
  });
});
