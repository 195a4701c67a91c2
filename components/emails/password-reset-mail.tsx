import { MailAction, MailLayout, MailText } from "./mail-layout";

export function PasswordResetMail(props: { name: string | null; resetUrl: string; minutes: number; siteUrl: string }) {
  return (
    <MailLayout
      preview="A link to choose a new Waymark password"
      heading="Choose a new password"
      siteUrl={props.siteUrl}
    >
      <MailText>Hi{props.name ? ` ${props.name}` : ""},</MailText>
      <MailText>
        Someone (we hope you) asked to reset the password of the Waymark account for this address. The link works once,
        for {props.minutes} minutes.
      </MailText>
      <MailAction href={props.resetUrl}>Set a new password</MailAction>
      <MailText>
        If you didn&apos;t ask, you can ignore this mail: your password stays as it is, and nobody can use this link
        without reading your mail.
      </MailText>
    </MailLayout>
  );
}
