import { MailAction, MailLayout, MailText } from "./mail-layout";

export function EmailVerificationMail(props: {
  name: string | null;
  confirmUrl: string;
  hours: number;
  siteUrl: string;
}) {
  return (
    <MailLayout
      preview="Confirm the address of your Waymark account"
      heading="Confirm your email address"
      siteUrl={props.siteUrl}
    >
      <MailText>Hi{props.name ? ` ${props.name}` : ""},</MailText>
      <MailText>
        Please confirm that this address belongs to your Waymark account. Once it&apos;s confirmed, we can send you your
        mentors&apos; feedback and the reminders you choose. The link works for {props.hours} hours.
      </MailText>
      <MailAction href={props.confirmUrl}>Confirm email address</MailAction>
      <MailText>If you didn&apos;t create a Waymark account, you can ignore this mail.</MailText>
    </MailLayout>
  );
}
