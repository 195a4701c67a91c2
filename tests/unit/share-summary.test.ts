import { describe, expect, it } from "vitest";
import { countProgress } from "@/lib/domain/progress-math";
import { describeSharedProgress } from "@/lib/domain/share-summary";

const ids = ["a", "b", "c", "d"];

describe("the preview text of a shared progress page", () => {
  it("names the learner, the roadmap, the count and the stage they are in", () => {
    expect(
      describeSharedProgress({
        learnerName: "Ada",
        roadmapTitle: "Backend Developer",
        overall: countProgress(ids, { a: "done", b: "in_progress" }),
        currentStageTitle: "Foundation",
      }),
    ).toEqual({
      title: "Ada on the Backend Developer roadmap",
      description: "1 of 4 milestones done (25%). Working on the Foundation stage.",
    });
  });

  it("says the roadmap is complete when every milestone is done or skipped", () => {
    const { description } = describeSharedProgress({
      learnerName: "Ada",
      roadmapTitle: "Backend Developer",
      overall: countProgress(ids, { a: "done", b: "done", c: "done", d: "skipped" }),
      currentStageTitle: null,
    });
    expect(description).toBe("3 of 4 milestones done (75%). Roadmap complete.");
  });
});
