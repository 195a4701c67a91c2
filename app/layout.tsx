import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { VerifyEmailBanner } from "@/components/verify-email-banner";
import { getViewer } from "@/lib/server/auth";
import { emailIsOff, getEnv } from "@/lib/server/env";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Waymark", template: "%s · Waymark" },
  description: "Follow the Backend Developer roadmap, tick off milestones and see how far you have come.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // A new client cache for each person: signing out or in never shows the last person's data.
  const viewer = await getViewer();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <Providers key={viewer?.id ?? "anonymous"} nonce={nonce}>
          <SiteHeader />
          {/* Where this server can't send mail, no link would come: nothing to ask for. */}
          {emailIsOff(getEnv()) ? null : <VerifyEmailBanner />}
          <div id="main" className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
            {children}
          </div>
        </Providers>
      </body>
    </html>
  );
}
