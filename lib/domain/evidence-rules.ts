/*
 * The rules for an evidence link, as plain functions: the browser checks a link before
 * sending it without loading a validation library, and the server's zod schema
 * (lib/domain/evidence-link-schema.ts) applies the same rules.
 */
export const EVIDENCE_MAX_PER_MILESTONE = 20;
export const EVIDENCE_TITLE_MAX_LENGTH = 120;
export const EVIDENCE_URL_MAX_LENGTH = 2_000;

/** Only web links: a javascript: or data: URL would run or render in whoever opens it. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/*
 * Something that starts like a scheme ("javascript:", "ftp:") is left as it is, for isWebUrl to refuse;
 * "localhost:3000/x" and "example.com:8080" start like one too, but the digits after the colon make them a port.
 */
const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;

/** An address typed without a scheme, as "github.com/x" often is, read as https; anything else as typed. */
export function withWebScheme(url: string): string {
  if (url === "" || SCHEME.test(url)) return url;
  return `https://${url.replace(/^\/\//, "")}`;
}

export function titleProblem(title: string): string | null {
  if (title.length === 0) return "Give the link a title, such as “Project repository”.";
  if (title.length > EVIDENCE_TITLE_MAX_LENGTH) return `Titles can be up to ${EVIDENCE_TITLE_MAX_LENGTH} characters.`;
  return null;
}

export function urlProblem(url: string): string | null {
  if (url.length === 0) return "Paste the link’s address.";
  if (url.length > EVIDENCE_URL_MAX_LENGTH) {
    return `Addresses can be up to ${EVIDENCE_URL_MAX_LENGTH.toLocaleString("en-US")} characters.`;
  }
  if (!isWebUrl(url)) return "Use a web address starting with http:// or https://.";
  return null;
}

/** Field errors for a link as typed (trimmed first), or null when it can be saved. */
export function evidenceLinkProblems(input: {
  title: string;
  url: string;
}): { title?: string[]; url?: string[] } | null {
  const title = titleProblem(input.title.trim());
  const url = urlProblem(withWebScheme(input.url.trim()));
  if (!title && !url) return null;
  return { ...(title ? { title: [title] } : {}), ...(url ? { url: [url] } : {}) };
}

export function tooManyEvidenceLinksMessage(): string {
  return `A milestone can have up to ${EVIDENCE_MAX_PER_MILESTONE} evidence links. Remove one to add another.`;
}
