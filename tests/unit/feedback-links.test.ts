import { describe, expect, it } from "vitest";
import {
  feedbackAnchorId,
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
});
