export type BuildManifest = { rootMainFiles: string[]; polyfillFiles: string[] };

/**
 * The scripts a modern browser loads for a route on first visit: the app's root bundles and
 * every chunk the route's segments (layouts, boundaries, page) name. Polyfills are left out:
 * only browsers without ES modules fetch them.
 */
export function firstLoadFiles(build: BuildManifest, entryJSFiles: Record<string, string[]>): string[] {
  const files = new Set(build.rootMainFiles);
  for (const [segment, chunks] of Object.entries(entryJSFiles)) {
    // The root error page replaces the whole document; its code loads only when it is shown.
    if (segment.endsWith("/global-error")) continue;
    for (const chunk of chunks) files.add(chunk);
  }
  for (const polyfill of build.polyfillFiles) files.delete(polyfill);
  return [...files].filter((file) => file.endsWith(".js")).sort();
}
