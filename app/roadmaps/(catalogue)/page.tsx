import type { Metadata } from "next";
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
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Roadmaps</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Pick a roadmap to see its stages and milestones. Follow as many as you like: each one gets its own progress
          and pace on your dashboard.
        </p>
      </header>
      <RoadmapCatalogue catalogue={catalogue} signedIn={viewer !== null} />
    </main>
  );
}
