import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import {
  ComparisonProblem,
  RoadmapFileLinks,
  VersionDiff,
  VersionList,
  VersionPicker,
} from "@/components/roadmap-versions";
import { getRoadmapVersionsPage } from "@/lib/data/roadmap-versions";
import { AppError } from "@/lib/domain/errors";
import { getViewer } from "@/lib/server/auth";

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const loadVersions = cache(async (slug: string, from: string | undefined, to: string | undefined) => {
  try {
    return await getRoadmapVersionsPage({ viewer: await getViewer(), slug, compare: { from, to } });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({
  params,
  searchParams,
}: PageProps<"/roadmaps/[slug]/versions">): Promise<Metadata> {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const { roadmap } = await loadVersions(slug, single(query.from), single(query.to));
  return { title: `Versions of the ${roadmap.title} roadmap` };
}

export default async function RoadmapVersionsPage({ params, searchParams }: PageProps<"/roadmaps/[slug]/versions">) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const { roadmap, versions, comparison } = await loadVersions(slug, single(query.from), single(query.to));
  const latest = versions[0]?.version ?? 0;
  const picked = comparison?.ok ? comparison : { from: Math.max(1, latest - 1), to: latest };

  return (
    <main className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm font-medium uppercase tracking-wide text-indigo-700">
          <Link href={`/roadmaps/${roadmap.slug}`} className="underline-offset-2 hover:underline">
            {roadmap.title}
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">Versions</h1>
        <p className="max-w-3xl text-slate-700">
          Each time the roadmap is published it gets a new version. Your progress follows each milestone from version to
          version; a milestone that is removed keeps your progress, shown apart on the roadmap.
        </p>
        {latest > 0 ? (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
            <span>The current version as a file:</span>
            <RoadmapFileLinks slug={roadmap.slug} />
          </div>
        ) : null}
      </header>

      {latest === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-700">
          This roadmap has not been published yet, so it has no versions.
        </p>
      ) : (
        <>
          <section
            id="compare"
            aria-labelledby="compare-heading"
            className="flex scroll-mt-24 flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4"
          >
            <h2 id="compare-heading" className="text-xl font-semibold">
              Compare versions
            </h2>
            {latest === 1 ? (
              <p className="text-slate-700">Only one version so far: there is nothing to compare yet.</p>
            ) : (
              <VersionPicker slug={roadmap.slug} latest={latest} from={picked.from} to={picked.to} />
            )}
            {comparison && !comparison.ok ? <ComparisonProblem message={comparison.message} /> : null}
            {comparison?.ok ? <VersionDiff comparison={comparison} /> : null}
          </section>
          <section aria-labelledby="versions-heading" className="flex flex-col gap-3">
            <h2 id="versions-heading" className="text-xl font-semibold">
              All versions
            </h2>
            <VersionList slug={roadmap.slug} versions={versions} />
          </section>
        </>
      )}
    </main>
  );
}
