import Link from "next/link";
import { getViewer } from "@/lib/server/auth";
import { listBuiltInRoadmaps } from "@/lib/data/roadmap-catalogue";

export default async function HomePage({ searchParams }: PageProps<"/">) {
  const [viewer, roadmaps, { account }] = await Promise.all([getViewer(), listBuiltInRoadmaps(), searchParams]);
  return (
    <main className="flex flex-col gap-8">
      {account === "deleted" && !viewer ? (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-900">
          Your account and everything in it have been deleted.
        </p>
      ) : null}
      <section className="rounded-2xl bg-indigo-900 px-6 py-10 text-white sm:px-10">
        <h1 className="max-w-2xl text-3xl font-bold tracking-tight sm:text-4xl">
          Know where you are on the way to your next role.
        </h1>
        <p className="mt-3 max-w-2xl text-indigo-100">
          Follow roadmaps stage by stage, tick off milestones as you learn them, and see your progress and pace on each
          at a glance.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link
            href="/roadmaps"
            className="rounded-md bg-white px-4 py-2 font-semibold text-indigo-900 hover:bg-indigo-50"
          >
            Browse roadmaps
          </Link>
          {viewer ? (
            <Link
              href="/dashboard"
              className="rounded-md border border-white/70 px-4 py-2 font-semibold hover:bg-white/10"
            >
              Go to your dashboard
            </Link>
          ) : (
            <Link
              href="/sign-up"
              className="rounded-md border border-white/70 px-4 py-2 font-semibold hover:bg-white/10"
            >
              Create a free account
            </Link>
          )}
        </div>
      </section>
      <section aria-labelledby="mentoring-heading" className="rounded-xl border border-slate-200 bg-white p-6">
        <h2 id="mentoring-heading" className="text-xl font-semibold">
          Learn with a mentor
        </h2>
        <p className="mt-2 max-w-3xl text-slate-700">
          Anyone can mentor, and learners decide who sees their progress. Nothing is shared until the learner accepts an
          invite, and either side can end the mentorship at any time.
        </p>
        <h3 className="mt-4 font-semibold">What a mentor gets</h3>
        <ul className="mt-1 list-disc pl-5 text-slate-800">
          <li>Each mentee&apos;s roadmap, read-only, with their recent activity and overall progress.</li>
          <li>A list of all their mentees, with who is on track and who needs attention.</li>
          <li>A feedback thread on every milestone, and a mark for finished milestones they have reviewed.</li>
          <li>A learner&apos;s notes only if that learner chooses to share them.</li>
          <li>Notifications when a mentee replies or finishes a stage.</li>
        </ul>
        <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          <Link href="/mentors" className="font-medium text-indigo-700 underline underline-offset-4">
            Invite a mentor
          </Link>
          <Link href="/mentees" className="font-medium text-indigo-700 underline underline-offset-4">
            Start mentoring
          </Link>
        </p>
      </section>
      <section aria-labelledby="roadmaps-heading">
        <h2 id="roadmaps-heading" className="text-xl font-semibold">
          Roadmaps to start with
        </h2>
        {roadmaps.length === 0 ? (
          <p className="mt-2 text-slate-700">No roadmaps come with Waymark yet.</p>
        ) : (
          <ul className="mt-3 grid gap-4 sm:grid-cols-2">
            {roadmaps.map((roadmap) => (
              <li key={roadmap.slug} className="rounded-xl border border-slate-200 bg-white p-5">
                <h3 className="text-lg font-semibold">
                  <Link href={`/roadmaps/${roadmap.slug}`} className="text-indigo-800 underline underline-offset-4">
                    {roadmap.title}
                  </Link>
                </h3>
                <p className="mt-1 text-slate-700">{roadmap.summary}</p>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4">
          <Link href="/roadmaps" className="font-medium text-indigo-700 underline underline-offset-4">
            See every roadmap, including ones written by learners and mentors
          </Link>
        </p>
      </section>
    </main>
  );
}
