import type { Metadata } from "next";
import Link from "next/link";
import { OverallProgress } from "@/components/overall-progress";
import { ActivityHeatmap } from "@/components/activity-heatmap";
import { ActivityTimeline } from "@/components/activity-timeline";
import { PaceStart, PaceSummary, PaceTable } from "@/components/pace-table";
import { PaceSettingsForm } from "@/components/pace-settings-form";
import { UnreadFeedbackSection } from "@/components/unread-feedback";
import { ProgressBar } from "@/components/ui/progress-bar";
import { requirePageViewer } from "@/lib/server/viewer-guard";
import { getActivityForViewer, type Activity } from "@/lib/data/insight";
import { getDashboardForViewer, type DashboardRoadmap } from "@/lib/data/dashboard";
import { listUnreadFeedbackForViewer } from "@/lib/data/feedback";
import { listPendingAssignmentsForViewer } from "@/lib/data/roadmap-assignments";
import { RoadmapSuggestions } from "@/components/roadmap-suggestions";
import { UNTIMED_STAGE_MONTHS } from "@/lib/domain/pace";
import { formatStageWindow } from "@/lib/domain/progress-math";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const viewer = await requirePageViewer("/dashboard");
  const [followed, activity, unreadFeedback, assignments] = await Promise.all([
    getDashboardForViewer({ viewer }),
    getActivityForViewer({ viewer }),
    listUnreadFeedbackForViewer({ viewer }),
    listPendingAssignmentsForViewer({ viewer }),
  ]);

  return (
    <main className="flex flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Welcome, {viewer.name ?? viewer.email}</h1>
        <p className="mt-1 text-slate-700">Here is where you stand.</p>
      </header>
      <UnreadFeedbackSection threads={unreadFeedback} />
      <RoadmapSuggestions assignments={assignments} />
      {followed.length === 0 ? (
        <EmptyDashboard />
      ) : (
        followed.map((roadmap) => <RoadmapCard key={roadmap.slug} roadmap={roadmap} timeZone={activity.timeZone} />)
      )}
      {followed.length > 0 ? <ActivitySection activity={activity} /> : null}
    </main>
  );
}

function EmptyDashboard() {
  return (
    <section aria-labelledby="start-heading" className="rounded-xl border border-dashed border-slate-300 bg-white p-6">
      <h2 id="start-heading" className="text-xl font-semibold">
        You haven&apos;t started a roadmap yet
      </h2>
      <p className="mt-1 text-slate-700">
        Find one you like and follow it, or tick off a first milestone on it: it will show up here with your progress
        and pace. You can follow several at once.
      </p>
      <p className="mt-4">
        <Link
          href="/roadmaps"
          className="inline-block rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800"
        >
          Browse roadmaps
        </Link>
      </p>
    </section>
  );
}

function ActivitySection({ activity }: { activity: Activity }) {
  return (
    <section aria-labelledby="activity-heading" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="activity-heading" className="text-xl font-semibold">
        Your activity
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:max-w-md">
        <div className="rounded-lg bg-slate-100 p-3">
          <dt className="text-sm text-slate-700">Current streak</dt>
          <dd className="text-2xl font-bold">
            {activity.streaks.current} day{activity.streaks.current === 1 ? "" : "s"}
          </dd>
        </div>
        <div className="rounded-lg bg-slate-100 p-3">
          <dt className="text-sm text-slate-700">Longest streak</dt>
          <dd className="text-2xl font-bold">
            {activity.streaks.longest} day{activity.streaks.longest === 1 ? "" : "s"}
          </dd>
        </div>
      </dl>
      <p className="mt-2 text-sm text-slate-600">Days are counted in {activity.timeZone}.</p>
      <h3 className="mt-5 font-semibold">The last 12 months</h3>
      <div className="mt-2">
        <ActivityHeatmap days={activity.heatmap} activeDayCount={activity.activeDayCount} />
      </div>
      <h3 className="mt-5 font-semibold">Recent changes</h3>
      <div className="mt-2">
        <ActivityTimeline items={activity.timeline} undoableEventId={activity.undoableEventId} />
      </div>
    </section>
  );
}

function RoadmapCard({ roadmap, timeZone }: { roadmap: DashboardRoadmap; timeZone: string }) {
  return (
    <section
      aria-labelledby={`roadmap-${roadmap.slug}`}
      className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`roadmap-${roadmap.slug}`} className="text-xl font-semibold">
          <Link href={`/roadmaps/${roadmap.slug}`} className="underline-offset-4 hover:underline">
            {roadmap.title}
          </Link>
        </h2>
        <p className="text-sm text-slate-600">
          <PaceStart pace={roadmap.pace} />
        </p>
      </div>
      <OverallProgress
        counts={roadmap.overall}
        extra={roadmap.currentStageTitle ? `current stage: ${roadmap.currentStageTitle}` : null}
      />
      {roadmap.unseenChanges ? (
        <p className="mt-3 text-sm text-indigo-950">
          Changed since you last looked: {roadmap.unseenChanges.summary}.{" "}
          <Link
            href={`/roadmaps/${roadmap.slug}/versions?from=${roadmap.unseenChanges.from}&to=${roadmap.unseenChanges.to}#compare`}
            className="font-medium text-indigo-700 underline underline-offset-2"
          >
            See what changed
          </Link>
        </p>
      ) : null}
      <div className="mt-4 rounded-lg bg-indigo-50 p-4">
        {roadmap.next ? (
          <>
            <h3 className="text-sm font-semibold uppercase tracking-wide text-indigo-800">Next up</h3>
            <p className="mt-1">
              <Link
                href={`/roadmaps/${roadmap.slug}#${roadmap.next.slug}`}
                className="text-lg font-semibold text-indigo-800 underline underline-offset-4"
              >
                {roadmap.next.title}
              </Link>{" "}
              <span className="text-sm text-slate-700">in {roadmap.next.stageTitle}</span>
            </p>
          </>
        ) : (
          <p className="font-semibold text-emerald-900">Every milestone is done or skipped. Well done!</p>
        )}
      </div>
      <h3 className="mt-5 font-semibold">Pace</h3>
      <PaceSummary pace={roadmap.pace} targetDate={roadmap.paceSettings.targetDate} />
      <div className="mt-2">
        <PaceTable
          rows={roadmap.stages.map((stage, index) => ({
            title: stage.title,
            note:
              stage.startMonth === null ? `No set time: given ${UNTIMED_STAGE_MONTHS} months in the plan` : undefined,
            pace: roadmap.pace.stages[index]!,
          }))}
          overall={roadmap.pace.overall}
        />
      </div>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium text-indigo-700 underline-offset-4 hover:underline">
          Adjust your start date, targets and time zone
        </summary>
        <div className="mt-3">
          <PaceSettingsForm
            roadmapSlug={roadmap.slug}
            stages={roadmap.stages}
            key={timeZone}
            initial={roadmap.paceSettings}
            defaultStart={roadmap.firstActivityDay}
            timeZone={timeZone}
          />
        </div>
      </details>
      <h3 className="mt-5 font-semibold">Stages</h3>
      <ul className="mt-2 grid gap-3 sm:grid-cols-2">
        {roadmap.stages.map((stage) => (
          <li key={stage.id} className="rounded-lg border border-slate-200 p-3">
            <p className="flex justify-between text-sm">
              <span className="font-medium">
                {stage.title}{" "}
                <span className="text-slate-600">({formatStageWindow(stage.startMonth, stage.endMonth)})</span>
              </span>
              <span className="tabular-nums">
                {stage.progress.done}/{stage.progress.total}
              </span>
            </p>
            <div className="mt-2">
              <ProgressBar label={`${stage.title} progress`} percent={stage.progress.percent} size="sm" />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
