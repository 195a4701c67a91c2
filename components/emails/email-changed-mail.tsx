import { MailLayout, MailText } from "./mail-layout";

export function EmailChangedMail(props: { name: string | null; newEmail: string; siteUrl: string }) {
  return (
    <MailLayout
      preview={`Your Waymark address was changed to ${props.newEmail}`}
      heading="Your Waymark address was changed"
      siteUrl={props.siteUrl}
    >
      <MailText>Hi{props.name ? ` ${props.name}` : ""},</MailText>
      <MailText>
        Your Waymark address was changed to {props.newEmail}. From now on, you sign in with that address, and our mails
        go there instead of here.
      </MailText>
      <MailText>
        If you made this change, there is nothing more to do. If you didn&apos;t, someone else may know your password:
        if you can still sign in, change your password on your account page (that signs out every other device), and
        tell whoever runs this Waymark site, quoting this address, so they can move your account back.
      </MailText>
    </MailLayout>
  );
}
