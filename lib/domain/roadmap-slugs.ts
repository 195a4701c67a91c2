/*
 * Addresses of authored roadmaps and ids of their stages and milestones. A roadmap's slug is
 * made once, on the server, and never changes: its random part is what lets an unlisted
 * roadmap's link be the permission to read it. A stage's or milestone's slug is made when the
 * author adds it and stays through renames: progress follows it from version to version.
 */

/** Random numbers in [0, 1), one per call; crypto-strength where the result is a secret. */
export type RandomSource = () => number;

const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
export const ROADMAP_SLUG_TITLE_LENGTH = 40;
export const ROADMAP_SLUG_SECRET_LENGTH = 12;
const ITEM_SLUG_TITLE_LENGTH = 60;
const ITEM_SLUG_SUFFIX_LENGTH = 4;

/** A random source drawing from the Web Crypto API (on the server and in the browser alike). */
export const cryptoRandom: RandomSource = () => {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  return value! / 2 ** 32;
};

export function randomBase36(length: number, random: RandomSource = cryptoRandom): string {
  return Array.from({ length }, () => BASE36[Math.floor(random() * BASE36.length)] ?? "0").join("");
}

/** A title's words in lower-case ASCII joined by hyphens, cut at a word boundary where it can be; "" when nothing is left. */
export function slugOfTitle(title: string, maxLength: number): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) {
      if (!slug) slug = word.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug;
}

/** A new authored roadmap's slug: its title's (≤ 40 characters), then 12 random base36 characters. */
export function newRoadmapSlug(title: string, random: RandomSource = cryptoRandom): string {
  const words = slugOfTitle(title, ROADMAP_SLUG_TITLE_LENGTH) || "roadmap";
  return `${words}-${randomBase36(ROADMAP_SLUG_SECRET_LENGTH, random)}`;
}

/** A slug for a new stage or milestone, unique among `taken` (the draft's slugs of that kind). */
export function newItemSlug(title: string, taken: ReadonlySet<string>, random: RandomSource = cryptoRandom): string {
  const words = slugOfTitle(title, ITEM_SLUG_TITLE_LENGTH) || "item";
  for (let tries = 0; tries < 1000; tries++) {
    const slug = `${words}-${randomBase36(ITEM_SLUG_SUFFIX_LENGTH, random)}`;
    if (!taken.has(slug)) return slug;
  }
  throw new Error("no free slug: the random source repeats itself");
}
