/*
 * A published version of a roadmap never changes (built-in roadmaps change only when the
 * content sync runs at start-up; authors publish new versions), so each app process reads a
 * version once and keeps it under a key naming the version. Reading a newer version of the
 * same roadmap drops the older one. The sync forgets everything, which matters where content
 * and reads share a process (tests, `db:migrate` from a REPL).
 */
const globalForContent = globalThis as typeof globalThis & { waymarkRoadmapContent?: Map<string, Promise<unknown>> };

function store(): Map<string, Promise<unknown>> {
  globalForContent.waymarkRoadmapContent ??= new Map();
  return globalForContent.waymarkRoadmapContent;
}

/**
 * Content loaded once per process under a key (a roadmap's slug and version, or a name for
 * something read across roadmaps); `replaces` names the prefix of the keys it supersedes. A failed load is not kept, nor one that found nothing: keys come
 * from addresses anyone can type, and remembering every miss would grow without bound.
 */
export function cachedRoadmapContent<T>(
  key: string,
  load: () => Promise<T>,
  { replaces }: { replaces?: string } = {},
): Promise<T> {
  const cached = store().get(key) as Promise<T> | undefined;
  if (cached) return cached;
  if (replaces !== undefined) {
    for (const other of store().keys()) if (other.startsWith(replaces)) store().delete(other);
  }
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
