/**
 * Where a milestone's feedback thread lives: the learner reads it on their roadmap, a mentor on
 * the mentee's page. The fragment names the thread, so a notification or the dashboard can open
 * it (see components/open-feedback-from-link.tsx).
 */
export const FEEDBACK_ANCHOR_PREFIX = "feedback-";

export const feedbackAnchorId = (milestoneId: string) => `${FEEDBACK_ANCHOR_PREFIX}${milestoneId}`;

/** The learner's own thread on a milestone. */
export const learnerFeedbackHref = (roadmapSlug: string, milestoneId: string) =>
  `/roadmaps/${roadmapSlug}#${feedbackAnchorId(milestoneId)}`;

/** A mentor's thread with a mentee on a milestone. */
export const menteeFeedbackHref = (mentorshipId: string, milestoneId: string) =>
  `/mentees/${mentorshipId}#${feedbackAnchorId(milestoneId)}`;

/** What a notice says about where it happened; the fields a notification view carries. */
export type NoticePlace = {
  kind: string;
  roadmapSlug: string | null;
  milestoneId: string | null;
  mentorshipId: string | null;
};

/**
 * The thread a notice about feedback leads into: the learner's own roadmap for a mentor's
 * feedback or review mark, the mentee page for a reply (only while the mentorship lasts).
 * Null for other notices, or when the thread has nowhere left to be read.
 */
export function feedbackThreadHref({ kind, roadmapSlug, milestoneId, mentorshipId }: NoticePlace): string | null {
  if (!milestoneId) return null;
  if ((kind === "feedback" || kind === "reviewed") && roadmapSlug) return learnerFeedbackHref(roadmapSlug, milestoneId);
  if (kind === "reply" && mentorshipId) return menteeFeedbackHref(mentorshipId, milestoneId);
  return null;
}

/** The milestone a fragment such as "#feedback-<id>" opens, or null for any other fragment. */
export function milestoneIdOfFeedbackHash(hash: string): string | null {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  if (!fragment.startsWith(FEEDBACK_ANCHOR_PREFIX)) return null;
  const id = fragment.slice(FEEDBACK_ANCHOR_PREFIX.length);
  return /^[0-9a-f-]{36}$/i.test(id) ? id : null;
}
