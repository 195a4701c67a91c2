import type { Metadata } from "next";
import { CreateRoadmapForm } from "@/components/roadmap-editor/create-roadmap-form";
import { ImportRoadmapForm } from "@/components/roadmap-editor/import-roadmap-form";
import { requirePageViewer } from "@/lib/server/viewer-guard";

export const metadata: Metadata = { title: "New roadmap" };

export default async function NewRoadmapPage() {
  await requirePageViewer("/roadmaps/new");
  return (
    <main className="flex max-w-3xl flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">New roadmap</h1>
        <p className="mt-2 text-slate-700">
          Give it a title to start. You then add its stages and milestones; it stays private until you publish it and
          choose who can see it.
        </p>
      </header>
      <section aria-label="Create a roadmap" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
        <CreateRoadmapForm />
      </section>
      <section
        aria-labelledby="import-roadmap-heading"
        className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6"
      >
        <h2 id="import-roadmap-heading" className="mb-3 text-lg font-semibold">
          Or import a roadmap file
        </h2>
        <ImportRoadmapForm />
      </section>
    </main>
  );
}
