import type { ResourceContent, ResourceKind } from "@/db/content/content-schema";

// The order a learner reaches for them: read the docs, follow a course or book, then practise.
const KIND_GROUPS: { kind: ResourceKind; label: string }[] = [
  { kind: "docs", label: "Documentation" },
  { kind: "course", label: "Courses" },
  { kind: "book", label: "Books" },
  { kind: "video", label: "Videos" },
  { kind: "practice", label: "Hands-on practice" },
  { kind: "certificate", label: "Certificates" },
];

/** A milestone's resources grouped by kind, each marked Free or Paid in words. */
export function MilestoneResources({ resources }: { resources: ResourceContent[] }) {
  if (resources.length === 0) return null;
  const groups = KIND_GROUPS.map((group) => ({
    ...group,
    resources: resources.filter((resource) => resource.kind === group.kind),
  })).filter((group) => group.resources.length > 0);
  return (
    <div>
      <h3 className="font-semibold">Resources</h3>
      <div className="mt-1 space-y-2">
        {groups.map((group) => (
          <div key={group.kind}>
            <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{group.label}</h4>
            <ul className="mt-1 space-y-1">
              {group.resources.map((resource, index) => (
                <li key={index} className="break-words">
                  {resource.url ? (
                    <a
                      href={resource.url}
                      rel="noopener noreferrer"
                      target="_blank"
                      className="text-indigo-700 underline underline-offset-2"
                    >
                      {resource.title}
                      <span className="sr-only"> (opens in a new tab)</span>
                    </a>
                  ) : (
                    resource.title
                  )}
                  {resource.provider ? <span className="text-slate-600"> · {resource.provider}</span> : null}{" "}
                  <PriceMark free={resource.free} />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}

function PriceMark({ free }: { free: boolean }) {
  return free ? (
    <span className="rounded border border-emerald-700 bg-emerald-50 px-1.5 text-xs font-medium whitespace-nowrap text-emerald-900">
      Free
    </span>
  ) : (
    <span className="rounded border border-slate-500 bg-white px-1.5 text-xs font-medium whitespace-nowrap text-slate-800">
      Paid
    </span>
  );
}
