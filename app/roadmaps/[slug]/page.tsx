import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { FollowRoadmapPanel } from "@/components/follow-roadmap";
import { OpenFeedbackFromLink } from "@/components/open-feedback-from-link";
import { RoadmapChangesNotice } from "@/components/roadmap-changes-notice";
import { RoadmapAuthorActions } from "@/components/roadmap-editor/roadmap-author-actions";
import { RoadmapView } from "@/components/roadmap-view";
import { SalaryGuides } from "@/components/salary-guides";
import { ShareLinkPanel } from "@/components/share-link-panel";
import { getViewer } from "@/lib/server/auth";
import { findRoadmapAccess, roadmapAllows } from "@/lib/data/roadmap-access";
import { getRoadmapPageForViewer } from "@/lib/data/roadmap-state";
import { AppError } from "@/lib/domain/errors";
import { parseMilestoneQuery } from "@/lib/domain/milestone-filter";
import { roadmapNotesQuery, roadmapProgressQuery } from "@/lib/client/queries";
import { requestOrigin } from "@/lib/server/request-origin";

// Metadata and page share one load per request.
const loadRoadmap = cache(async (slug: string) => {
  const viewer = await getViewer();
  try {
    return { viewer, ...(await getRoadmapPageForViewer({ viewer, slug })) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps<"/roadmaps/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  const { viewer, roadmap } = await loadRoadmap(slug);
  const access = await findRoadmapAccess(viewer?.id ?? null, slug);
  // An unlisted or private roadmap's address is its secret: search engines must not list it.
  const listed = access?.roadmap.builtIn || access?.roadmap.visibility === "public";
  return {
    title: `${roadmap.title} roadmap`,
    description: roadmap.summary,
    ...(listed ? {} : { robots: { index: false } }),
  };
}

export default async function RoadmapPage({ params, searchParams }: PageProps<"/roadmaps/[slug]">) {
  const { slug } = await params;
  const viewerAccess = await findRoadmapAccess((await getViewer())?.id ?? null, slug);
  // A roadmap never published has no page yet: its author works on it in the editor.
  if (viewerAccess?.role === "owner" && viewerAccess.roadmap.publishedVersion === 0) redirect(`/roadmaps/${slug}/edit`);
  const initialQuery = parseMilestoneQuery(await searchParams);
  const { viewer, roadmap, state } = await loadRoadmap(slug);
  const queryClient = new QueryClient();
  if (viewer && state) {
    const { statuses, dates, notebook } = state;
    queryClient.setQueryData(roadmapProgressQuery(slug, viewer.id).queryKey, { statuses, dates });
    queryClient.setQueryData(roadmapNotesQuery(slug, viewer.id).queryKey, notebook);
  }

  return (
    <main className="flex flex-col gap-6">
      {/* Following and the author's actions sit beside the title on a wide screen, so the first milestone stays on the first screen. */}
      <header className="flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div>
          <div className="flex flex-wrap items-baseline gap-x-4 text-sm">
            <span className="font-medium uppercase tracking-wide text-indigo-700">Roadmap</span>
            <Link
              href={`/roadmaps/${slug}/versions`}
              className="font-medium text-indigo-700 underline-offset-2 hover:underline"
            >
              Versions
            </Link>
            {viewer &&
            viewerAccess &&
            roadmapAllows(viewerAccess, "copy") &&
            viewerAccess.roadmap.publishedVersion > 0 ? (
              <RoadmapAuthorActions slug={slug} canEdit={roadmapAllows(viewerAccess, "edit")} />
            ) : null}
          </div>
          <h1 className="text-3xl font-bold tracking-tight">{roadmap.title}</h1>
          <p className="mt-2 max-w-3xl text-slate-700">{roadmap.summary}</p>
        </div>
        {viewer && viewerAccess && viewerAccess.roadmap.publishedVersion > 0 ? (
          <div className="lg:w-80 lg:shrink-0 lg:pt-6">
            <FollowRoadmapPanel roadmapSlug={slug} roadmapTitle={roadmap.title} following={viewerAccess.following} />
          </div>
        ) : null}
      </header>
      {state?.unseenChanges ? <RoadmapChangesNotice slug={slug} changes={state.unseenChanges} /> : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <HydrationBoundary state={dehydrate(queryClient)}>
          <RoadmapView
            roadmap={roadmap}
            viewerId={viewer?.id ?? null}
            feedback={state?.feedback}
            initialQuery={initialQuery}
          />
          {viewer ? <OpenFeedbackFromLink learnerId={viewer.id} viewerId={viewer.id} /> : null}
        </HydrationBoundary>
        <aside className="flex flex-col gap-6 lg:sticky lg:top-20 lg:self-start">
          {state ? (
            <ShareLinkPanel
              roadmapSlug={slug}
              origin={(await requestOrigin()).origin}
              initial={
                state.shareLink && { token: state.shareLink.token, includeEvidence: state.shareLink.includeEvidence }
              }
            />
          ) : null}
          <SalaryGuides guides={roadmap.salaryGuides} caveat={roadmap.salaryCaveat} />
        </aside>
      </div>
    </main>
  );
}
