import { z } from "zod";

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

export const evidenceLinkSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Give the link a title, such as “Project repository”.")
    .max(EVIDENCE_TITLE_MAX_LENGTH, `Titles can be up to ${EVIDENCE_TITLE_MAX_LENGTH} characters.`),
  url: z
    .string()
    .trim()
    .min(1, "Paste the link’s address.")
    .max(
      EVIDENCE_URL_MAX_LENGTH,
      `Addresses can be up to ${EVIDENCE_URL_MAX_LENGTH.toLocaleString("en-US")} characters.`,
    )
    .refine(isWebUrl, "Use a web address starting with http:// or https://."),
});

export type EvidenceLinkInput = z.infer<typeof evidenceLinkSchema>;

export function tooManyEvidenceLinksMessage(): string {
  return `A milestone can have up to ${EVIDENCE_MAX_PER_MILESTONE} evidence links. Remove one to add another.`;
}
