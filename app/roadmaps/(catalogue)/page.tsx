import type { Metadata } from "next";
import Link from "next/link";
import { RoadmapCatalogue } from "@/components/roadmap-catalogue";
import { getViewer } from "@/lib/server/auth";
import { getCatalogueForViewer } from "@/lib/data/roadmap-catalogue";
import { parseCatalogueSearch } from "@/lib/domain/catalogue-search";

export const metadata: Metadata = {
  title: "Roadmaps",
  description: "Browse the roadmaps on Waymark and follow the ones you want to learn.",
};

export default async function RoadmapsPage({ searchParams }: PageProps<"/roadmaps">) {
  const [viewer, search] = await Promise.all([getViewer(), searchParams.then(parseCatalogueSearch)]);
  const catalogue = await getCatalogueForViewer({ viewer, search });
  return (
    <main className="flex flex-col gap-6">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Roadmaps</h1>
          <p className="mt-2 max-w-3xl text-slate-700">
            Pick a roadmap to see its stages and milestones. Follow as many as you like: each one gets its own progress
            and pace on your dashboard.
          </p>
        </div>
        {viewer ? (
          <Link
            href="/roadmaps/new"
            className="self-start rounded-md border border-indigo-700 px-4 py-2 font-semibold whitespace-nowrap text-indigo-700 hover:bg-indigo-50"
          >
            Create a roadmap
          </Link>
        ) : null}
      </header>
      <RoadmapCatalogue catalogue={catalogue} signedIn={viewer !== null} />
    </main>
  );
}
