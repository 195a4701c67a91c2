import type { ActionResult } from "@/lib/server/action";
import type { CreatedInvite } from "@/lib/data/mentorships";
import { InviteLinkPanel } from "./invite-link-panel";
import { OpenInvites } from "./open-invites";

type InviteSectionProps = {
  id: string;
  title: string;
  explanation: string;
  create: (input: { days: number }) => Promise<ActionResult<CreatedInvite>>;
  invites: { id: string; createdAt: Date; expiresAt: Date }[];
};

/** Making invite links and revoking the ones still open: the same on /mentees and /mentors. */
export function InviteSection({ id, title, explanation, create, invites }: InviteSectionProps) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <InviteLinkPanel create={create} explanation={explanation} />
      <OpenInvites invites={invites} />
    </section>
  );
}
