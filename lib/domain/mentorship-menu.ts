/**
 * Which of the menu's mentorship links a signed-in user sees, so the menu shows what applies.
 * "Mentees" is for mentors: anyone with a current mentee or a mentee invite link still open.
 * "Mentors" is for learners, which is everyone until they mentor: it is where a learner invites
 * a mentor, so it stays for anyone without mentees, and for a mentor who also has, or has
 * invited, a mentor of their own. Nothing is hidden for good: the home page's mentoring section
 * links to both pages, and a mentor's first mentee link is made on /mentees.
 */
export type MentorshipSides = { asLearner: boolean; asMentor: boolean };

export function mentorshipMenuLinks({ asLearner, asMentor }: MentorshipSides): {
  mentors: boolean;
  mentees: boolean;
} {
  return { mentors: asLearner || !asMentor, mentees: asMentor };
}
