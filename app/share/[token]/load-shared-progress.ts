import { cache } from "react";
import { getSharedProgress } from "@/lib/data/share-links";

/** One read per request for the page, its metadata and its preview image. */
export const loadSharedProgress = cache(getSharedProgress);
