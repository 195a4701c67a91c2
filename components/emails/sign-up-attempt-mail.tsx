import { Link } from "@react-email/components";
import { MailLayout, MailText } from "./mail-layout";

const linkStyle = { color: "#1d4ed8" };

export function SignUpAttemptMail(props: {
  name: string | null;
  signInUrl: string;
  resetUrl: string;
  siteUrl: string;
}) {
  return (
    <MailLayout
      preview="Someone tried to create a Waymark account with your address"
      heading="Someone tried to create an account with your address"
      siteUrl={props.siteUrl}
    >
      <MailText>Hi{props.name ? ` ${props.name}` : ""},</MailText>
      <MailText>
        Someone just tried to create a new Waymark account with this email address. You already have an account, so no
        new one was made, and nothing about your account changed.
      </MailText>
      <MailText>
        If it was you, you can{" "}
        <Link href={props.signInUrl} style={linkStyle}>
          sign in to your account
        </Link>{" "}
        ({props.signInUrl}). If you forgot your password,{" "}
        <Link href={props.resetUrl} style={linkStyle}>
          choose a new one
        </Link>{" "}
        ({props.resetUrl}).
      </MailText>
      <MailText>
        If it wasn&apos;t you, you don&apos;t need to do anything: nobody can get into your account without your
        password. We send this mail at most once a day.
      </MailText>
    </MailLayout>
  );
}
