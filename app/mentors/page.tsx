import type { Metadata } from "next";
import { createMentorInviteAction } from "@/lib/actions/mentorship";
import { InviteSection } from "@/components/invite-section";
import { EndMentorshipButton } from "@/components/end-mentorship-button";
import { NotesSharingToggle } from "@/components/notes-sharing-toggle";
import { requirePageViewer } from "@/lib/server/viewer-guard";
import { listMentorsForViewer, listOpenInvitesForViewer } from "@/lib/data/mentorships";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Mentors" };

export default async function MentorsPage() {
  const viewer = await requirePageViewer("/mentors");
  const [mentors, invites] = await Promise.all([
    listMentorsForViewer({ viewer }),
    listOpenInvitesForViewer({ viewer, kind: "learner_invites_mentor" }),
  ]);

  return (
    <main className="flex flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Mentors</h1>
        <p className="mt-1 text-slate-700">
          You decide who sees your progress. A mentor sees your roadmap, statuses and recent activity while the
          mentorship lasts, and can leave feedback on your milestones.
        </p>
      </header>
      <section aria-labelledby="mentors-heading" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="mentors-heading" className="text-lg font-semibold">
          Who can see your progress
        </h2>
        {mentors.length === 0 ? (
          <p className="mt-2 text-slate-700">Nobody: your progress is private to you.</p>
        ) : (
          <ul className="mt-3 flex flex-col gap-3">
            {mentors.map((mentor) => {
              const name = mentor.mentorName;
              return (
                <li
                  key={mentor.mentorshipId}
                  className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3 sm:flex-row sm:items-center sm:justify-between"
                >
                  <div>
                    <p className="font-semibold">{name}</p>
                    <p className="text-sm text-slate-700">
                      Can see your progress since <LocalTime value={mentor.startedAt} />
                    </p>
                    <NotesSharingToggle
                      mentorshipId={mentor.mentorshipId}
                      mentorName={name}
                      shareNotes={mentor.shareNotes}
                    />
                  </div>
                  <EndMentorshipButton
                    mentorshipId={mentor.mentorshipId}
                    otherName={name}
                    question={`${name} will lose access at once.`}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <InviteSection
        id="invite-mentor-heading"
        title="Invite a mentor"
        create={createMentorInviteAction}
        explanation="Send this link to one person you'd like as a mentor. It works once: whoever accepts it first can see your progress until you end the mentorship."
        invites={invites}
      />
    </main>
  );
}
