import { feedbackThreadHref, type NoticePlace } from "./feedback-links";

/** What a notice mail needs to know of its notice: the fields a notification view carries. */
export type MailedNotice = NoticePlace & {
  actorName: string;
  learnerName: string;
  milestoneTitle: string | null;
  stageTitle: string | null;
  toLearner: boolean;
};

export type NoticeMailText = {
  /** One line: the mail's subject, and the notice's line in a digest. */
  summary: string;
  /** A path on the site: the exact thread for feedback, replies and review marks. */
  href: string;
  action: string;
};

/** How a notice reads in a mail, and where its link leads. */
export function noticeMailText(notice: MailedNotice): NoticeMailText {
  const thread = feedbackThreadHref(notice);
  const milestone = `“${notice.milestoneTitle ?? "a milestone"}”`;
  const menteePage = notice.mentorshipId ? `/mentees/${notice.mentorshipId}` : "/mentees";
  switch (notice.kind) {
    case "feedback":
      return {
        summary: `${notice.actorName} left feedback on ${milestone}`,
        href: thread ?? "/notifications",
        action: "Read the feedback",
      };
    case "reviewed":
      return {
        summary: `${notice.actorName} reviewed ${milestone}`,
        href: thread ?? "/notifications",
        action: "Open the milestone",
      };
    case "reply":
      return {
        summary: `${notice.actorName} replied on ${milestone}`,
        href: thread ?? menteePage,
        action: "Read the reply",
      };
    case "stage_completed":
      return {
        summary: `${notice.learnerName} finished the ${notice.stageTitle ?? "current"} stage`,
        href: menteePage,
        action: "See their progress",
      };
    case "mentorship_ended":
      return {
        summary: `${notice.actorName} ended your mentorship`,
        href: notice.toLearner ? "/mentors" : "/mentees",
        action: notice.toLearner ? "See your mentors" : "See your mentees",
      };
    default:
      return { summary: "You have a new notification", href: "/notifications", action: "Open your notifications" };
  }
}
