import Link from "next/link";

/*
 * What anyone who may not see a mentee page gets: a former mentor, the learner, a stranger, or
 * an id that names nothing. The same words for all, so it never says whether the mentorship
 * exists or who it was with.
 */
export default function MenteeNotFound() {
  return (
    <main className="rounded-xl border border-slate-200 bg-white p-6">
      <h1 className="text-2xl font-bold">This page isn&apos;t available</h1>
      <p className="mt-2 text-slate-700">The link may be wrong, or this page may not be open to you.</p>
      <Link href="/mentees" className="mt-4 inline-block font-medium text-indigo-700 underline underline-offset-4">
        Go to your mentees
      </Link>
    </main>
  );
}
