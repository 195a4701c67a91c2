import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SharedProgress } from "@/components/shared-progress";
import { findCurrentStageId, outlineOf, summarizeRoadmap } from "@/lib/domain/progress-math";
import { requestOrigin } from "@/lib/server/request-origin";
import { describeSharedProgress } from "@/lib/domain/share-summary";
import { loadSharedProgress } from "./load-shared-progress";

// Unguessable addresses stay out of search results, shared or not.
const robots = { index: false, follow: false };

export async function generateMetadata({ params }: PageProps<"/share/[token]">): Promise<Metadata> {
  const { token } = await params;
  const shared = await loadSharedProgress(token);
  if (shared.state !== "shared") return { title: "No longer shared", robots };
  const outline = outlineOf(shared.roadmap.stages);
  const currentStageId = findCurrentStageId(outline, shared.statuses);
  const { title, description } = describeSharedProgress({
    learnerName: shared.learnerName,
    roadmapTitle: shared.roadmap.title,
    overall: summarizeRoadmap(outline, shared.statuses).overall,
    currentStageTitle: shared.roadmap.stages.find((stage) => stage.id === currentStageId)?.title ?? null,
  });
  const origin = await requestOrigin();
  return {
    metadataBase: origin,
    title,
    description,
    robots,
    openGraph: { title, description, type: "profile", url: `/share/${token}`, siteName: "Waymark" },
    twitter: { card: "summary_large_image", title, description },
  };
}

export default async function SharedProgressPage({ params }: PageProps<"/share/[token]">) {
  const shared = await loadSharedProgress((await params).token);
  if (shared.state === "missing") notFound();
  if (shared.state === "revoked") {
    return (
      <main className="rounded-xl border border-slate-200 bg-white p-6">
        <h1 className="text-2xl font-bold">No longer shared</h1>
        <p className="mt-2 text-slate-700">The learner who published this progress page has stopped sharing it.</p>
      </main>
    );
  }
  return <SharedProgress shared={shared} />;
}
