import "server-only";

/**
 * Runs `work` and answers no sooner than `ms` after it started, failing or not: when work whose
 * length would tell something (whether an account exists) always fits within `ms`, every answer
 * takes the same time.
 */
export async function takingAtLeast<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    // Rounded up: a timer given a fraction of a millisecond may fire that fraction early.
    const left = Math.ceil(ms - (performance.now() - started));
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}
