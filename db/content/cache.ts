/*
 * Roadmap content changes only when the content sync runs (at start-up, before the app
 * serves), so each app process reads it once per roadmap and keeps it. The sync forgets it,
 * which matters where content and reads share a process (tests, `db:migrate` from a REPL).
 */
const globalForContent = globalThis as typeof globalThis & { waymarkRoadmapContent?: Map<string, Promise<unknown>> };

function store(): Map<string, Promise<unknown>> {
  globalForContent.waymarkRoadmapContent ??= new Map();
  return globalForContent.waymarkRoadmapContent;
}

/**
 * Content loaded once per process under a key (a roadmap's slug, or a name for something
 * read across roadmaps). A failed load is not kept, nor one that found nothing: keys come
 * from addresses anyone can type, and remembering every miss would grow without bound.
 */
export function cachedRoadmapContent<T>(key: string, load: () => Promise<T>): Promise<T> {
  const cached = store().get(key) as Promise<T> | undefined;
  if (cached) return cached;
  // A real promise, settled once: Drizzle's query objects run again on every `then`.
  const loading = Promise.resolve().then(load);
  store().set(key, loading);
  const forget = () => {
    if (store().get(key) === loading) store().delete(key);
  };
  loading.then((value) => {
    if (value === undefined) forget();
  }, forget);
  return loading;
}

export function forgetRoadmapContent(): void {
  store().clear();
}
