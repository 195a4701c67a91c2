import { describe, expect, it } from "vitest";
import {
  feedbackAnchorId,
  feedbackThreadHref,
  learnerFeedbackHref,
  menteeFeedbackHref,
  milestoneIdOfFeedbackHash,
} from "@/lib/domain/feedback-links";

const MILESTONE = "3202589c-146a-49de-bab2-2c2f0723286d";

describe("links into a feedback thread", () => {
  it("point the learner at their roadmap and the mentor at the mentee page, both at the thread", () => {
    expect(learnerFeedbackHref("backend-developer", MILESTONE)).toBe(
      `/roadmaps/backend-developer#feedback-${MILESTONE}`,
    );
    expect(menteeFeedbackHref("m-1", MILESTONE)).toBe(`/mentees/m-1#feedback-${MILESTONE}`);
  });

  it("read the milestone back from the fragment, and nothing from any other fragment", () => {
    expect(milestoneIdOfFeedbackHash(`#${feedbackAnchorId(MILESTONE)}`)).toBe(MILESTONE);
    expect(milestoneIdOfFeedbackHash(feedbackAnchorId(MILESTONE))).toBe(MILESTONE);
    for (const other of ["", "#", "#learn-sql", "#feedback-", "#feedback-x", `#feedback-${MILESTONE}"><img`]) {
      expect(milestoneIdOfFeedbackHash(other), other).toBeNull();
    }
  });

  it("lead a feedback notice into its thread, and other notices nowhere", () => {
    const place = { roadmapSlug: "backend-developer", milestoneId: MILESTONE, mentorshipId: "m-1" };
    expect(feedbackThreadHref({ ...place, kind: "feedback" })).toBe(
      learnerFeedbackHref("backend-developer", MILESTONE),
    );
    expect(feedbackThreadHref({ ...place, kind: "reviewed" })).toBe(
      learnerFeedbackHref("backend-developer", MILESTONE),
    );
    expect(feedbackThreadHref({ ...place, kind: "reply" })).toBe(menteeFeedbackHref("m-1", MILESTONE));
    // A reply from a former mentee: the mentee page is gone.
    expect(feedbackThreadHref({ ...place, kind: "reply", mentorshipId: null })).toBeNull();
    expect(feedbackThreadHref({ ...place, kind: "stage_completed" })).toBeNull();
  });
});
