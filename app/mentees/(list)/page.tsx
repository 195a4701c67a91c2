import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { createMenteeInviteAction } from "@/lib/actions/mentorship";
import { InviteSection } from "@/components/invite-section";
import { MenteeTable } from "@/components/mentee-table";
import { requirePageViewer } from "@/lib/server/viewer-guard";
import { getMenteesPageForViewer } from "@/lib/data/mentee-table";
import { menteeTableHref, parseMenteeTableQuery } from "@/lib/domain/mentee-table-query";

export const metadata: Metadata = { title: "Mentees" };

export default async function MenteesPage({ searchParams }: PageProps<"/mentees">) {
  const viewer = await requirePageViewer("/mentees");
  const query = parseMenteeTableQuery(await searchParams);
  const { table, invites } = await getMenteesPageForViewer({ viewer, query });
  if (table.rows.length === 0 && query.page > 1) redirect(menteeTableHref(query, { page: 1 }));
  const hasMentees = table.totalRows > 0 || query.search !== "" || query.attentionOnly;

  return (
    <main className="flex flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Mentees</h1>
        <p className="mt-1 text-slate-700">
          The learners who share their progress with you, and who could use a word from you.
        </p>
      </header>
      <InviteSection
        id="invite-heading"
        title="Invite a learner"
        create={createMenteeInviteAction}
        explanation="Send this link to learners you mentor. One link works for several learners until it expires; each of them decides whether to share their progress with you."
        invites={invites}
      />
      <section aria-labelledby="mentees-heading" className="flex flex-col gap-3">
        <h2 id="mentees-heading" className="text-xl font-semibold">
          Your mentees
        </h2>
        {hasMentees ? (
          <MenteeTable table={table} query={query} />
        ) : (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-700">
            No mentees yet. Create an invite link above and send it to a learner: once they accept, their progress shows
            up here.
          </p>
        )}
      </section>
    </main>
  );
}
