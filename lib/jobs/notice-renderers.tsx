import "server-only";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { z } from "zod";
import {
  BehindPaceMail,
  MentorDigestMail,
  NoticeDigestMail,
  NoticeMail,
  type UnsubscribeLinks,
} from "../../components/emails/notice-mails";
import { loadDigestMail, loadNoticeMail, loadReminderRecipient } from "../data/mail-content";
import { DIGEST_MAX_NOTICES } from "../data/internal/notice-mails";
import {
  describeUnsubscribeScope,
  groupByTopic,
  MAIL_TOPIC_LABELS,
  topicOfNotice,
  type UnsubscribeScope,
} from "../domain/mail-preferences";
import { noticeMailText } from "../domain/notice-mail";
import { appUnsubscribeKey, signUnsubscribeToken } from "../server/unsubscribe-token";

/*
 * The mails people choose in their settings: a notice at once, the daily digest, the two weekly
 * reminders. Each is read afresh when it is sent and skipped (null) when no longer wanted; each
 * carries one-click unsubscribe headers (RFC 8058) and the same links in its footer.
 */

type Context = { siteUrl: string; userId: string | null; to: string };
type Rendered = { subject: string; text: string; html: string; headers: Record<string, string> };

/** The account page's mail settings. */
export const MAIL_SETTINGS_PATH = "/account#mail";

async function renderMail(subject: string, element: ReactElement, unsubscribe: Unsubscribe): Promise<Rendered> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text, headers: unsubscribe.headers };
}

type Unsubscribe = { links: UnsubscribeLinks; headers: Record<string, string> };

function unsubscribeFor(siteUrl: string, userId: string, scope: UnsubscribeScope): Unsubscribe {
  const token = encodeURIComponent(signUnsubscribeToken(appUnsubscribeKey(), userId, scope));
  return {
    links: {
      what: describeUnsubscribeScope(scope),
      unsubscribeUrl: `${siteUrl}/unsubscribe?token=${token}`,
      settingsUrl: `${siteUrl}${MAIL_SETTINGS_PATH}`,
    },
    headers: {
      "List-Unsubscribe": `<${siteUrl}/api/unsubscribe?token=${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

async function renderNotice(payload: unknown, context: Context): Promise<Rendered | null> {
  const { notificationId } = z.object({ notificationId: z.uuid() }).parse(payload);
  const loaded = await loadNoticeMail({ ...context, notificationId });
  if (!loaded) return null;
  const { recipient, notice } = loaded;
  const text = noticeMailText(notice);
  const unsubscribe = unsubscribeFor(context.siteUrl, recipient.id, topicOfNotice(notice.kind)!);
  return renderMail(
    text.summary,
    <NoticeMail
      name={recipient.name}
      summary={text.summary}
      action={text.action}
      actionUrl={`${context.siteUrl}${text.href}`}
      siteUrl={context.siteUrl}
      unsubscribe={unsubscribe.links}
    />,
    unsubscribe,
  );
}

async function renderDigest(payload: unknown, context: Context): Promise<Rendered | null> {
  const { notificationIds } = z.object({ notificationIds: z.array(z.uuid()).min(1) }).parse(payload);
  const loaded = await loadDigestMail({ ...context, notificationIds });
  if (!loaded) return null;
  const { recipient, notices } = loaded;
  const shown = notices.slice(0, DIGEST_MAX_NOTICES);
  const groups = groupByTopic(shown).map(({ topic, notices: ofTopic }) => ({
    heading: MAIL_TOPIC_LABELS[topic].label,
    notices: ofTopic.map((notice) => {
      const text = noticeMailText(notice);
      return { summary: text.summary, url: `${context.siteUrl}${text.href}` };
    }),
  }));
  const unsubscribe = unsubscribeFor(context.siteUrl, recipient.id, "daily_digest");
  const count = notices.length;
  return renderMail(
    count === 1
      ? `Your Waymark digest: ${noticeMailText(notices[0]!).summary}`
      : `Your Waymark digest: ${count} new notifications`,
    <NoticeDigestMail
      name={recipient.name}
      count={count}
      groups={groups}
      more={count - shown.length}
      notificationsUrl={`${context.siteUrl}/notifications`}
      siteUrl={context.siteUrl}
      unsubscribe={unsubscribe.links}
    />,
    unsubscribe,
  );
}

async function renderBehindPace(payload: unknown, context: Context): Promise<Rendered | null> {
  const { stageTitle, roadmapTitle } = z.object({ stageTitle: z.string(), roadmapTitle: z.string() }).parse(payload);
  const recipient = await loadReminderRecipient({ ...context, topic: "behind_pace" });
  if (!recipient) return null;
  const unsubscribe = unsubscribeFor(context.siteUrl, recipient.id, "behind_pace");
  return renderMail(
    `You're behind pace on ${stageTitle}`,
    <BehindPaceMail
      name={recipient.name}
      stageTitle={stageTitle}
      roadmapTitle={roadmapTitle}
      dashboardUrl={`${context.siteUrl}/dashboard`}
      siteUrl={context.siteUrl}
      unsubscribe={unsubscribe.links}
    />,
    unsubscribe,
  );
}

async function renderMentorDigest(payload: unknown, context: Context): Promise<Rendered | null> {
  const { count, names } = z
    .object({ count: z.number().int().min(1), names: z.array(z.string()).min(1) })
    .parse(payload);
  const recipient = await loadReminderRecipient({ ...context, topic: "mentor_digest" });
  if (!recipient) return null;
  const heading = count === 1 ? "1 mentee needs attention" : `${count} mentees need attention`;
  const unsubscribe = unsubscribeFor(context.siteUrl, recipient.id, "mentor_digest");
  return renderMail(
    heading,
    <MentorDigestMail
      name={recipient.name}
      heading={heading}
      names={names}
      more={count - names.length}
      menteesUrl={`${context.siteUrl}/mentees?sort=attention&direction=desc&show=attention`}
      siteUrl={context.siteUrl}
      unsubscribe={unsubscribe.links}
    />,
    unsubscribe,
  );
}

export const noticeRenderers = {
  notification: renderNotice,
  notification_digest: renderDigest,
  behind_pace: renderBehindPace,
  mentor_digest: renderMentorDigest,
};
