import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EvidenceList } from "@/components/evidence-list";
import { MilestoneFeedback } from "@/components/milestone-feedback";
import { MilestoneItem } from "@/components/milestone-item";
import { NoteMarkdown } from "@/components/note-markdown";
import { StageSection } from "@/components/stage-section";
import { EndMentorshipButton } from "@/components/end-mentorship-button";
import { OpenFeedbackFromLink } from "@/components/open-feedback-from-link";
import { OverallProgress } from "@/components/overall-progress";
import { getViewer } from "@/lib/server/auth";
import { getMenteeForViewer } from "@/lib/data/mentee";
import { listAssignableRoadmaps, listAssignmentsForMentee } from "@/lib/data/roadmap-assignments";
import { AssignRoadmapForm } from "@/components/assign-roadmap-form";
import { AppError } from "@/lib/domain/errors";
import { outlineOf, STATUS_LABELS, statusOf, summarizeRoadmap } from "@/lib/domain/progress-math";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Mentee" };

export default async function MenteePage({ params }: PageProps<"/mentees/[id]">) {
  const viewer = await getViewer();
  if (!viewer) notFound();
  const mentorshipId = (await params).id;
  const [mentee, assignments, assignable] = await Promise.all([
    getMenteeForViewer({ viewer, mentorshipId }),
    listAssignmentsForMentee({ viewer, mentorshipId }),
    listAssignableRoadmaps({ viewer }),
  ]).catch((error: unknown) => {
    // The layout answers 404 for the same reason; pages render alongside it, so say nothing more here.
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });

  return (
    <main className="flex flex-col gap-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link href="/mentees" className="text-indigo-700 underline underline-offset-4">
              ← All mentees
            </Link>
          </p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">{mentee.learnerName}</h1>
          <p className="text-slate-700">
            Your mentee since <LocalTime value={mentee.mentoredSince} />. You see their roadmap as they do; only they
            can change it.
          </p>
        </div>
        <EndMentorshipButton
          mentorshipId={mentee.mentorshipId}
          otherName={mentee.learnerName}
          question={`Stop mentoring ${mentee.learnerName}?`}
          thenGoTo="/mentees"
        />
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex flex-col gap-6">
          {mentee.roadmaps.length === 0 ? (
            <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-700">
              {mentee.learnerName} hasn&apos;t started a roadmap yet. Their progress shows up here as soon as they tick
              off a milestone.
            </p>
          ) : null}
          {mentee.roadmaps.map(({ roadmap, statuses, dates, notes, evidence }) => {
            const progress = summarizeRoadmap(outlineOf(roadmap.stages), statuses);
            return (
              <section key={roadmap.id} aria-labelledby={`roadmap-${roadmap.slug}`} className="flex flex-col gap-4">
                <div className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
                  <h2 id={`roadmap-${roadmap.slug}`} className="text-xl font-semibold">
                    {roadmap.title}
                  </h2>
                  <OverallProgress counts={progress.overall} />
                </div>
                {roadmap.stages.map((stage, index) => (
                  <StageSection
                    key={stage.id}
                    stage={stage}
                    index={index}
                    progress={progress.stages[stage.id]!}
                    headingLevel="h3"
                  >
                    {stage.milestones.map((milestone) => (
                      <MilestoneItem
                        key={milestone.id}
                        milestone={milestone}
                        status={statusOf(statuses, milestone.id)}
                        dates={dates[milestone.id]}
                      >
                        {notes[milestone.id]?.body.trim() ? (
                          <div className="mt-2 pl-8">
                            <h4 className="text-sm font-semibold">{mentee.learnerName}&apos;s notes</h4>
                            <NoteMarkdown body={notes[milestone.id]!.body} />
                          </div>
                        ) : null}
                        <EvidenceList
                          milestoneTitle={milestone.title}
                          links={evidence[milestone.id] ?? []}
                          className="mt-2 pl-8"
                        />
                        <MilestoneFeedback
                          learnerId={mentee.learnerId}
                          milestone={milestone}
                          threads={mentee.feedback.threads[milestone.id] ?? []}
                          reviews={mentee.feedback.reviews[milestone.id] ?? []}
                          as="mentor"
                          milestoneDone={statusOf(statuses, milestone.id) === "done"}
                        />
                      </MilestoneItem>
                    ))}
                  </StageSection>
                ))}
              </section>
            );
          })}
        </div>
        <div className="flex flex-col gap-6 lg:sticky lg:top-20 lg:self-start">
          <AssignRoadmapForm
            mentorshipId={mentee.mentorshipId}
            learnerName={mentee.learnerName}
            roadmaps={assignable}
            assignments={assignments}
          />
          <aside aria-labelledby="activity-heading" className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 id="activity-heading" className="text-lg font-semibold">
              Recent activity
            </h2>
            {mentee.activity.length === 0 ? (
              <p className="mt-2 text-sm text-slate-700">No activity yet.</p>
            ) : (
              <ol className="mt-2 flex flex-col gap-2 text-sm">
                {mentee.activity.map((item) => (
                  <li key={item.id}>
                    <span className="font-medium">{item.milestoneTitle}</span>: {STATUS_LABELS[item.fromStatus]} →{" "}
                    {STATUS_LABELS[item.toStatus]}
                    <br />
                    <span className="text-slate-600">
                      <LocalTime value={item.at} withTime />
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </aside>
        </div>
      </div>
      <OpenFeedbackFromLink learnerId={mentee.learnerId} viewerId={viewer.id} />
    </main>
  );
}
