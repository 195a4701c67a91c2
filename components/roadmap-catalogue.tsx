import Link from "next/link";
import type { Catalogue, CatalogueEntry } from "@/lib/data/roadmap-catalogue";
import { CATALOGUE_SEARCH_MAX_LENGTH } from "@/lib/domain/catalogue-search";
import { FollowRoadmapButton } from "./follow-roadmap";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

const VISIBILITY_LABELS = {
  private: "Private: only you",
  unlisted: "Unlisted: anyone with the link",
  public: "Public: listed for everyone",
} as const;

function madeBy(entry: CatalogueEntry): string {
  if (entry.builtIn) return "Built in";
  if (entry.own) return "By you";
  return entry.authorName ? `By ${entry.authorName}` : "By a former member";
}

function Badge({ children, tone }: { children: string; tone: "slate" | "amber" | "emerald" }) {
  const tones = {
    slate: "border-slate-300 bg-slate-50 text-slate-800",
    amber: "border-amber-300 bg-amber-50 text-amber-900",
    emerald: "border-emerald-300 bg-emerald-50 text-emerald-900",
  };
  return <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}

function CatalogueCard({ entry, signedIn }: { entry: CatalogueEntry; signedIn: boolean }) {
  const published = entry.own ? entry.own.published : true;
  return (
    <li className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5">
      <div>
        <h2 className="text-lg font-semibold">
          <Link href={`/roadmaps/${entry.slug}`} className="text-indigo-800 underline underline-offset-4">
            {entry.title}
          </Link>
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {madeBy(entry)} · {plural(entry.stageCount, "stage")} · {plural(entry.milestoneCount, "milestone")}
        </p>
      </div>
      {entry.own ? (
        <p className="flex flex-wrap gap-2">
          <Badge tone={entry.own.published ? "emerald" : "amber"}>{entry.own.published ? "Published" : "Draft"}</Badge>
          <Badge tone="slate">{VISIBILITY_LABELS[entry.own.visibility]}</Badge>
        </p>
      ) : null}
      <p className="text-slate-700">{entry.summary}</p>
      {signedIn && published ? (
        <div className="mt-auto">
          {entry.following ? (
            <p className="text-sm font-medium text-emerald-900">
              <span aria-hidden="true">✓ </span>Following
            </p>
          ) : (
            <FollowRoadmapButton roadmapSlug={entry.slug} roadmapTitle={entry.title} />
          )}
        </div>
      ) : null}
    </li>
  );
}

export function RoadmapCatalogue({ catalogue, signedIn }: { catalogue: Catalogue; signedIn: boolean }) {
  const { entries, search, more } = catalogue;
  return (
    <div className="flex flex-col gap-4">
      <form method="get" action="/roadmaps" role="search" className="flex max-w-xl flex-col gap-1">
        <label htmlFor="catalogue-search" className="text-sm font-medium">
          Search roadmaps
        </label>
        <div className="flex gap-2">
          <input
            id="catalogue-search"
            name="q"
            type="search"
            defaultValue={search}
            maxLength={CATALOGUE_SEARCH_MAX_LENGTH}
            aria-describedby="catalogue-search-hint"
            className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-1.5"
          />
          <button
            type="submit"
            className="rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
          >
            Search
          </button>
        </div>
        <p id="catalogue-search-hint" className="text-sm text-slate-600">
          Looks in titles and summaries.
        </p>
      </form>

      {search && entries.length > 0 ? (
        <p role="status" className="text-sm text-slate-700">
          {more ? `The first ${entries.length}` : plural(entries.length, "roadmap")} matching “{search}”.{" "}
          <Link href="/roadmaps" className="font-medium text-indigo-700 underline underline-offset-4">
            Show all roadmaps
          </Link>
        </p>
      ) : null}

      {entries.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-6">
          {search ? (
            <>
              <h2 className="text-lg font-semibold">No roadmap matches “{search}”</h2>
              <p className="mt-1 text-slate-700">
                Try a shorter or different word, such as a skill or a job title.{" "}
                <Link href="/roadmaps" className="font-medium text-indigo-700 underline underline-offset-4">
                  Show all roadmaps
                </Link>
              </p>
            </>
          ) : (
            <>
              <h2 className="text-lg font-semibold">No roadmaps yet</h2>
              <p className="mt-1 text-slate-700">
                Nothing has been published here so far. Check back soon, or ask whoever runs this Waymark to add one.
              </p>
            </>
          )}
        </div>
      ) : (
        <>
          {!signedIn ? (
            <p className="text-slate-700">
              <Link
                href="/sign-in?next=%2Froadmaps"
                className="font-medium text-indigo-700 underline underline-offset-4"
              >
                Sign in
              </Link>{" "}
              to follow a roadmap and track your progress on it.
            </p>
          ) : null}
          <ul className="grid gap-4 md:grid-cols-2">
            {entries.map((entry) => (
              <CatalogueCard key={entry.slug} entry={entry} signedIn={signedIn} />
            ))}
          </ul>
          {more ? (
            <p className="text-sm text-slate-700">
              Only the first {entries.length} are shown. Search to find the others.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
