import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInviteForm } from "@/components/accept-invite-form";
import { getViewer } from "@/lib/server/auth";
import { getInvitePreview, type InvitePreview } from "@/lib/data/mentorships";
import { AppError } from "@/lib/domain/errors";

export const metadata: Metadata = { title: "Mentorship invite", robots: { index: false } };

const PLAIN_STATES: Record<Exclude<InvitePreview["state"], "open">, { title: string; text: string }> = {
  expired: { title: "This invite link has expired", text: "Ask the person who sent it for a new one." },
  revoked: { title: "This invite link was withdrawn", text: "The person who made it has revoked it." },
  used: { title: "This invite link has already been used", text: "Each mentor invite works once. Ask for a new one." },
  own: { title: "This is your own invite link", text: "Send it to someone else: they accept it, not you." },
  "already-connected": { title: "You're already connected", text: "This mentorship is already in place." },
};

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
  if (preview.state !== "open") {
    const plain = PLAIN_STATES[preview.state];
    return (
      <Panel title={plain.title}>
        <p>{plain.text}</p>
        <p className="mt-4">
          <Link
            href={preview.kind === "mentor_invites_learner" ? "/mentors" : "/mentees"}
            className="font-medium text-indigo-700 underline underline-offset-4"
          >
            {preview.kind === "mentor_invites_learner" ? "See your mentors" : "See your mentees"}
          </Link>
        </p>
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
        <AcceptInviteForm token={token} />
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

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="mx-auto w-full max-w-2xl rounded-xl border border-slate-200 bg-white p-6 sm:p-8">
      <h1 className="text-2xl font-bold">{title}</h1>
      <div className="mt-3 text-slate-800">{children}</div>
    </main>
  );
}
