import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

/*
 * The frame of every mail: one column, system fonts, real text (no images, no tracking pixel),
 * contrast above 4.5:1, and each action as a link that also reads well in the plain-text part.
 */
export function MailLayout(props: {
  preview: string;
  heading: string;
  siteUrl: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Html lang="en" dir="ltr">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body
        style={{
          backgroundColor: "#f4f4f5",
          color: "#18181b",
          fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
          margin: 0,
          padding: "24px 0",
        }}
      >
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 8, maxWidth: 560, padding: "24px 28px" }}>
          <Text style={{ fontSize: 14, fontWeight: 700, letterSpacing: 0.2, margin: "0 0 16px" }}>Waymark</Text>
          <Heading as="h1" style={{ fontSize: 22, lineHeight: "28px", margin: "0 0 16px" }}>
            {props.heading}
          </Heading>
          {props.children}
          <Hr style={{ borderColor: "#e4e4e7", margin: "24px 0 16px" }} />
          <Section>
            {props.footer}
            <Text style={{ color: "#52525b", fontSize: 13, lineHeight: "20px", margin: 0 }}>
              Sent by Waymark,{" "}
              <Link href={props.siteUrl} style={{ color: "#1d4ed8" }}>
                {props.siteUrl}
              </Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function MailText({ children }: { children: ReactNode }) {
  return <Text style={{ fontSize: 16, lineHeight: "24px", margin: "0 0 16px" }}>{children}</Text>;
}

/** The mail's main action: a button-looking link, with its address written out below for clients that hide links. */
export function MailAction({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "8px 0 16px" }}>
      <Link
        href={href}
        style={{
          backgroundColor: "#1d4ed8",
          borderRadius: 6,
          color: "#ffffff",
          display: "inline-block",
          fontSize: 16,
          fontWeight: 600,
          padding: "12px 20px",
          textDecoration: "none",
        }}
      >
        {children}
      </Link>
      <Text style={{ color: "#52525b", fontSize: 13, lineHeight: "20px", margin: "12px 0 0", wordBreak: "break-all" }}>
        Or open this address: {href}
      </Text>
    </Section>
  );
}
