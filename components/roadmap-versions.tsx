import Link from "next/link";
import type { RoadmapVersionSummary, VersionComparison } from "@/lib/data/roadmap-versions";
import { MILESTONE_FIELD_NAMES, type MilestoneRef, type RoadmapDiff } from "@/lib/domain/roadmap-diff";
import { Alert } from "./ui/alert";
import { LocalTime } from "./ui/local-time";

const linkStyle = "font-medium text-indigo-700 underline-offset-2 hover:underline";

export function versionsPath(slug: string, compare?: { from: number; to: number }): string {
  const base = `/roadmaps/${slug}/versions`;
  return compare ? `${base}?from=${compare.from}&to=${compare.to}#compare` : base;
}

export function roadmapFilePath(slug: string, format: "yaml" | "json", version?: number): string {
  return `/api/roadmaps/${slug}/file?format=${format}${version === undefined ? "" : `&version=${version}`}`;
}

/** Download links for one version (or the current one). */
export function RoadmapFileLinks({ slug, version }: { slug: string; version?: number }) {
  const label = version === undefined ? "" : ` of version ${version}`;
  return (
    <span className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      <a
        className={linkStyle}
        href={roadmapFilePath(slug, "yaml", version)}
        download
        aria-label={`Download YAML${label}`}
      >
        Download YAML
      </a>
      <a
        className={linkStyle}
        href={roadmapFilePath(slug, "json", version)}
        download
        aria-label={`Download JSON${label}`}
      >
        Download JSON
      </a>
    </span>
  );
}

export function VersionList({ slug, versions }: { slug: string; versions: RoadmapVersionSummary[] }) {
  return (
    <ol className="flex flex-col gap-3" aria-label="Published versions">
      {versions.map((version) => (
        <li key={version.version} className="rounded-xl border border-slate-200 bg-white p-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="font-semibold">Version {version.version}</h3>
            <p className="text-sm text-slate-600">
              Published <LocalTime value={version.publishedAt} /> by {version.publisher}
            </p>
          </div>
          <p className="mt-1 text-slate-700">
            {version.changes === undefined
              ? "Compare it with the version before to see what changed."
              : (version.changes ?? "The first published version.")}
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            {version.version > 1 ? (
              <Link
                className={linkStyle}
                href={versionsPath(slug, { from: version.version - 1, to: version.version })}
                aria-label={`Compare version ${version.version} with the previous one`}
              >
                Compare with previous
              </Link>
            ) : null}
            <RoadmapFileLinks slug={slug} version={version.version} />
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Two pickers that reload the page with the comparison: works without scripts. */
export function VersionPicker({ slug, latest, from, to }: { slug: string; latest: number; from: number; to: number }) {
  const numbers = Array.from({ length: latest }, (_, index) => latest - index);
  const select = (name: string, label: string, value: number) => (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <select
        name={name}
        defaultValue={value}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base font-normal"
      >
        {numbers.map((number) => (
          <option key={number} value={number}>
            Version {number}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form method="get" action={versionsPath(slug)} className="flex flex-wrap items-end gap-3">
      {select("from", "From version", from)}
      {select("to", "To version", to)}
      <button
        type="submit"
        className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2"
      >
        Compare
      </button>
    </form>
  );
}

function MilestoneList({
  title,
  items,
  empty,
  detail,
}: {
  title: string;
  items: MilestoneRef[];
  empty: string;
  detail: (item: MilestoneRef, index: number) => string;
}) {
  return (
    <section aria-labelledby={`diff-${title.toLowerCase()}`} className="flex flex-col gap-2">
      <h3 id={`diff-${title.toLowerCase()}`} className="text-lg font-semibold">
        {title} <span className="font-normal text-slate-600">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-1">
          {items.map((item, index) => (
            <li key={item.slug} className="rounded-md bg-slate-50 px-3 py-2">
              <span className="font-medium">{item.title}</span>{" "}
              <span className="text-sm text-slate-600">{detail(item, index)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function VersionDiff({ comparison }: { comparison: Extract<VersionComparison, { ok: true }> }) {
  const { diff, from, to } = comparison;
  const inStage = (item: MilestoneRef) => `in ${item.stage.title}`;
  return (
    <div className="flex flex-col gap-5">
      <p className="text-slate-800">
        From version {from} to version {to}: <strong>{comparison.summary}</strong>.
      </p>
      <StageChanges diff={diff} />
      <MilestoneList title="Added" items={diff.milestones.added} empty="No milestones added." detail={inStage} />
      <MilestoneList
        title="Removed"
        items={diff.milestones.removed}
        empty="No milestones removed."
        detail={(item) => `was in ${item.stage.title}; progress on it is kept apart, never deleted`}
      />
      <MilestoneList
        title="Moved"
        items={diff.milestones.moved}
        empty="No milestones moved to another stage."
        detail={(_item, index) => {
          const moved = diff.milestones.moved[index]!;
          return `from ${moved.from.title} to ${moved.stage.title}`;
        }}
      />
      <MilestoneList
        title="Changed"
        items={diff.milestones.changed}
        empty="No milestone's text changed."
        detail={(_item, index) => {
          const changed = diff.milestones.changed[index]!;
          const fields = changed.fields.map((field) => MILESTONE_FIELD_NAMES[field]).join(", ");
          const renamed = changed.fields.includes("title") ? ` (was “${changed.before}”)` : "";
          return `${inStage(changed)}: ${fields}${renamed}`;
        }}
      />
    </div>
  );
}

function StageChanges({ diff }: { diff: RoadmapDiff }) {
  const lines = [
    ...diff.stages.added.map((stage) => `Stage “${stage.title}” added.`),
    ...diff.stages.removed.map((stage) => `Stage “${stage.title}” removed.`),
    ...diff.stages.renamed.map((rename) => `Stage “${rename.from}” renamed to “${rename.to}”.`),
    ...diff.stages.changed.map((change) => `Stage “${change.stage.title}” has a new summary or time window.`),
  ];
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby="diff-stages" className="flex flex-col gap-2">
      <h3 id="diff-stages" className="text-lg font-semibold">
        Stages
      </h3>
      <ul className="list-disc pl-5 text-slate-800">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

export function ComparisonProblem({ message }: { message: string }) {
  return <Alert variant="box">{message}</Alert>;
}
