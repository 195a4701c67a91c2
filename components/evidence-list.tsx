/** A learner's evidence links as others see them: read-only, never followed by search engines. */
export function EvidenceList({
  milestoneTitle,
  links,
  className = "",
}: {
  milestoneTitle: string;
  links: { title: string; url: string }[];
  className?: string;
}) {
  if (links.length === 0) return null;
  return (
    <ul aria-label={`Evidence for ${milestoneTitle}`} className={`flex flex-wrap gap-x-3 text-sm ${className}`}>
      {links.map((link) => (
        <li key={`${link.title}-${link.url}`}>
          <a
            href={link.url}
            rel="noopener noreferrer nofollow"
            target="_blank"
            className="text-indigo-700 underline underline-offset-2"
          >
            {link.title}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
