import type { Metadata } from "next";
import Link from "next/link";
import { InviteResponseForm } from "@/components/invite-response-form";
import { getViewer } from "@/lib/server/auth";
import { getInvitePreview, type InvitePreview } from "@/lib/data/mentorships";
import { AppError } from "@/lib/domain/errors";

export const metadata: Metadata = { title: "Mentorship invite", robots: { index: false } };

type PlainState = Exclude<InvitePreview["state"], "open" | "own">;

const PLAIN_STATES: Record<PlainState, { title: string; text: string }> = {
  expired: { title: "This invite link has expired", text: "Ask the person who sent it for a new one." },
  revoked: { title: "This invite link was withdrawn", text: "The person who made it has revoked it." },
  used: { title: "This invite link has already been used", text: "Each mentor invite works once. Ask for a new one." },
  declined: { title: "This invite was declined", text: "It can't be accepted now. Ask for a new one if you'd like." },
  "already-connected": { title: "You're already connected", text: "This mentorship is already in place." },
};

/** The creator opened their own link: say who it is for, and point back to where they made it. */
const OWN_LINK = {
  mentor_invites_learner: {
    text: "Share it with a learner: they accept it, not you.",
    href: "/mentees",
    link: "See your mentees",
  },
  learner_invites_mentor: {
    text: "Share it with the mentor you'd like: they accept it, not you.",
    href: "/mentors",
    link: "See your mentors",
  },
} as const;

async function loadPreview(token: string) {
  const viewer = await getViewer();
  try {
    return { viewer, preview: await getInvitePreview({ viewer, token }) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return { viewer, preview: null };
    throw error;
  }
}

export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const { viewer, preview } = await loadPreview(token);
  const here = `/invite/${encodeURIComponent(token)}`;

  if (!preview) {
    return (
      <Panel title="This invite link doesn't work">
        <p>Check that you copied the whole link, or ask for a new one.</p>
      </Panel>
    );
  }
  if (preview.state === "own") {
    const own = OWN_LINK[preview.kind];
    return (
      <Panel title="This is your own invite link">
        <p>{own.text}</p>
        <PanelLink href={own.href}>{own.link}</PanelLink>
      </Panel>
    );
  }
  if (preview.state !== "open") {
    const plain = PLAIN_STATES[preview.state];
    const learnerWasInvited = preview.kind === "mentor_invites_learner";
    return (
      <Panel title={plain.title}>
        <p>{plain.text}</p>
        <PanelLink href={learnerWasInvited ? "/mentors" : "/mentees"}>
          {learnerWasInvited ? "See your mentors" : "See your mentees"}
        </PanelLink>
      </Panel>
    );
  }

  const learnerIsAccepting = preview.kind === "mentor_invites_learner";
  return (
    <Panel
      title={
        learnerIsAccepting
          ? `${preview.creatorName} would like to mentor you`
          : `${preview.creatorName} would like you as their mentor`
      }
    >
      <h2 className="mt-2 font-semibold">What will be shared</h2>
      <ul className="mt-1 list-disc pl-5 text-slate-800">
        <li>
          {learnerIsAccepting ? "Your" : `${preview.creatorName}'s`} roadmaps, with the status of every milestone and
          when it changed.
        </li>
        <li>{learnerIsAccepting ? "Your" : "Their"} recent activity.</li>
        <li>
          Milestone notes: no, unless {learnerIsAccepting ? "you choose" : "they choose"} to share them later, mentor by
          mentor.
        </li>
      </ul>
      <p className="mt-3 text-slate-800">
        {learnerIsAccepting ? `${preview.creatorName} can` : "You can"} leave feedback on milestones and mark finished
        ones as reviewed. Either of you can end the mentorship at any time, and access stops at once.
      </p>
      {viewer ? (
        <InviteResponseForm
          token={token}
          declinedText={
            learnerIsAccepting
              ? `Nothing was shared: ${preview.creatorName} can't see your progress.`
              : `Nothing was shared, and ${preview.creatorName} has been told you declined.`
          }
        />
      ) : (
        <p className="mt-5 flex flex-wrap gap-3">
          <Link
            href={`/sign-in?next=${encodeURIComponent(here)}`}
            className="rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white"
          >
            Sign in to accept
          </Link>
          <Link
            href={`/sign-up?next=${encodeURIComponent(here)}`}
            className="rounded-md border border-slate-400 px-4 py-2 font-semibold"
          >
            Create an account
          </Link>
        </p>
      )}
    </Panel>
  );
}

function PanelLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p className="mt-4">
      <Link href={href} className="font-medium text-indigo-700 underline underline-offset-4">
        {children}
      </Link>
    </p>
  );
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="mx-auto w-full max-w-2xl rounded-xl border border-slate-200 bg-white p-6 sm:p-8">
      <h1 className="text-2xl font-bold">{title}</h1>
      <div className="mt-3 text-slate-800">{children}</div>
    </main>
  );
}
