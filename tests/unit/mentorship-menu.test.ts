import { describe, expect, it } from "vitest";
import { mentorshipMenuLinks } from "@/lib/domain/mentorship-menu";

describe("the menu's mentorship links", () => {
  it("shows a newcomer Mentors, where they invite one, and no Mentees", () => {
    expect(mentorshipMenuLinks({ asLearner: false, asMentor: false })).toEqual({ mentors: true, mentees: false });
  });

  it("shows a learner Mentors only", () => {
    expect(mentorshipMenuLinks({ asLearner: true, asMentor: false })).toEqual({ mentors: true, mentees: false });
  });

  it("shows a mentor Mentees only", () => {
    expect(mentorshipMenuLinks({ asLearner: false, asMentor: true })).toEqual({ mentors: false, mentees: true });
  });

  it("shows someone on both sides both", () => {
    expect(mentorshipMenuLinks({ asLearner: true, asMentor: true })).toEqual({ mentors: true, mentees: true });
  });
});
