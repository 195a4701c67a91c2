import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { RoadmapEditor } from "@/components/roadmap-editor/roadmap-editor";
import { getRoadmapEditor } from "@/lib/data/roadmap-authoring";
import { AppError } from "@/lib/domain/errors";
import { requestOrigin } from "@/lib/server/request-origin";
import { requirePageViewer } from "@/lib/server/viewer-guard";

// Metadata and page share one load per request; anyone but the owner gets the same 404.
const loadEditor = cache(async (slug: string) => {
  const viewer = await requirePageViewer(`/roadmaps/${encodeURIComponent(slug)}/edit`);
  try {
    return await getRoadmapEditor({ viewer, slug });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps<"/roadmaps/[slug]/edit">): Promise<Metadata> {
  const editor = await loadEditor((await params).slug);
  return { title: `Edit ${editor.draft.title}` };
}

export default async function EditRoadmapPage({ params }: PageProps<"/roadmaps/[slug]/edit">) {
  const { slug } = await params;
  const editor = await loadEditor(slug);
  const { origin } = await requestOrigin();
  return (
    <main className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm font-medium tracking-wide text-indigo-700 uppercase">Edit roadmap</p>
          <h1 className="text-3xl font-bold tracking-tight break-words">{editor.draft.title}</h1>
          <p className="mt-1 text-sm text-slate-700">Changes save as you go. Learners see them once you publish.</p>
        </div>
        {editor.publishedVersion > 0 ? (
          <Link href={`/roadmaps/${slug}`} className="text-sm font-medium text-indigo-700 underline underline-offset-4">
            View the published roadmap
          </Link>
        ) : null}
      </header>
      <RoadmapEditor
        roadmapId={editor.id}
        slug={slug}
        initial={{ draft: editor.draft, revision: editor.draftRevision }}
        visibility={editor.visibility}
        publishedVersion={editor.publishedVersion}
        published={editor.published}
        roadmapUrl={`${origin}/roadmaps/${slug}`}
      />
    </main>
  );
}
