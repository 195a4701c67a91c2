import { MailAction, MailLayout, MailText } from "./mail-layout";

export function EmailVerificationMail(props: {
  name: string | null;
  confirmUrl: string;
  hours: number;
  siteUrl: string;
  /** A new address the person asked to move to, rather than the one they signed up with. */
  change: boolean;
}) {
  return (
    <MailLayout
      preview="Confirm the address of your Waymark account"
      heading="Confirm your email address"
      siteUrl={props.siteUrl}
    >
      <MailText>Hi{props.name ? ` ${props.name}` : ""},</MailText>
      {props.change ? (
        <MailText>
          You asked to use this address for your Waymark account. Your account keeps its current address until you
          confirm this one. The link works for {props.hours} hours.
        </MailText>
      ) : (
        <MailText>
          Please confirm that this address belongs to your Waymark account. Once it&apos;s confirmed, we can send you
          your mentors&apos; feedback and the reminders you choose. The link works for {props.hours} hours.
        </MailText>
      )}
      <MailAction href={props.confirmUrl}>Confirm email address</MailAction>
      <MailText>
        {props.change
          ? "If you didn't ask for this, you can ignore this mail: nothing changes without the link."
          : "If you didn't create a Waymark account, you can ignore this mail."}
      </MailText>
    </MailLayout>
  );
}
