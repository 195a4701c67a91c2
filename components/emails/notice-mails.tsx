import { Heading, Link, Section, Text } from "@react-email/components";
import { MailAction, MailLayout, MailText } from "./mail-layout";

/** Where a mail that is not about the account itself can be turned off. */
export type UnsubscribeLinks = {
  /** Says what it turns off: "mails about your mentors' feedback". */
  what: string;
  /** The page that turns it off with one button (a link alone must not: mail scanners open links). */
  unsubscribeUrl: string;
  settingsUrl: string;
};

const footerText = { color: "#52525b", fontSize: 13, lineHeight: "20px", margin: "0 0 8px" };
const footerLink = { color: "#1d4ed8" };

function UnsubscribeFooter({ links }: { links: UnsubscribeLinks }) {
  return (
    <Text style={footerText}>
      You get this mail because of your mail settings.{" "}
      <Link href={links.unsubscribeUrl} style={footerLink}>
        Unsubscribe from {links.what}
      </Link>{" "}
      or{" "}
      <Link href={links.settingsUrl} style={footerLink}>
        Choose which mails you get
      </Link>
      .
    </Text>
  );
}

const greeting = (name: string | null) => `Hi${name ? ` ${name}` : ""},`;

export function NoticeMail(props: {
  name: string | null;
  summary: string;
  action: string;
  actionUrl: string;
  siteUrl: string;
  unsubscribe: UnsubscribeLinks;
}) {
  return (
    <MailLayout
      preview={props.summary}
      heading={props.summary}
      siteUrl={props.siteUrl}
      footer={<UnsubscribeFooter links={props.unsubscribe} />}
    >
      <MailText>{greeting(props.name)}</MailText>
      <MailText>{props.summary} on Waymark.</MailText>
      <MailAction href={props.actionUrl}>{props.action}</MailAction>
    </MailLayout>
  );
}

export function NoticeDigestMail(props: {
  name: string | null;
  count: number;
  /** The notices by kind, each group under its heading, in the order the settings list them. */
  groups: { heading: string; notices: { summary: string; url: string }[] }[];
  more: number;
  notificationsUrl: string;
  siteUrl: string;
  unsubscribe: UnsubscribeLinks;
}) {
  const heading = props.count === 1 ? "1 new notification" : `${props.count} new notifications`;
  return (
    <MailLayout
      preview={`${heading} on Waymark`}
      heading={heading}
      siteUrl={props.siteUrl}
      footer={<UnsubscribeFooter links={props.unsubscribe} />}
    >
      <MailText>{greeting(props.name)}</MailText>
      <MailText>Here is what happened since your last digest.</MailText>
      {props.groups.map((group) => (
        <Section key={group.heading} style={{ margin: "0 0 8px" }}>
          <Heading as="h2" style={{ fontSize: 17, lineHeight: "24px", margin: "0 0 8px" }}>
            {group.heading}
          </Heading>
          {group.notices.map((notice) => (
            <Text key={notice.url + notice.summary} style={{ fontSize: 16, lineHeight: "24px", margin: "0 0 8px" }}>
              •{" "}
              <Link href={notice.url} style={footerLink}>
                {notice.summary}
              </Link>
            </Text>
          ))}
        </Section>
      ))}
      {props.more > 0 ? <MailText>…and {props.more} more.</MailText> : null}
      <MailAction href={props.notificationsUrl}>Open your notifications</MailAction>
    </MailLayout>
  );
}

export function BehindPaceMail(props: {
  name: string | null;
  stageTitle: string;
  roadmapTitle: string;
  dashboardUrl: string;
  siteUrl: string;
  unsubscribe: UnsubscribeLinks;
}) {
  return (
    <MailLayout
      preview={`You're behind pace on ${props.stageTitle}`}
      heading={`You're behind pace on ${props.stageTitle}`}
      siteUrl={props.siteUrl}
      footer={<UnsubscribeFooter links={props.unsubscribe} />}
    >
      <MailText>{greeting(props.name)}</MailText>
      <MailText>
        On your {props.roadmapTitle} roadmap, the {props.stageTitle} stage is behind the pace you planned. A milestone
        or two this week would help you catch up, or you can move your finish dates on the dashboard.
      </MailText>
      <MailAction href={props.dashboardUrl}>Open your dashboard</MailAction>
    </MailLayout>
  );
}

export function MentorDigestMail(props: {
  name: string | null;
  heading: string;
  names: string[];
  more: number;
  menteesUrl: string;
  siteUrl: string;
  unsubscribe: UnsubscribeLinks;
}) {
  return (
    <MailLayout
      preview={props.heading}
      heading={props.heading}
      siteUrl={props.siteUrl}
      footer={<UnsubscribeFooter links={props.unsubscribe} />}
    >
      <MailText>{greeting(props.name)}</MailText>
      <MailText>
        These mentees are behind pace, quiet for a while, or stuck on a milestone: {props.names.join(", ")}
        {props.more > 0 ? ` and ${props.more} more` : ""}. A word from you could help.
      </MailText>
      <MailAction href={props.menteesUrl}>See who needs attention</MailAction>
    </MailLayout>
  );
}
