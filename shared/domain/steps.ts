/**
 * Long work in steps: a generator that yields between small pieces of work. A caller that needs
 * the result now runs it to its end; the window runs it in slices of a few milliseconds with a
 * pause (a macrotask) between them, so it paints and answers keystrokes meanwhile (issue 15: no
 * long task on the main thread).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to its end, at once. */
export const runToEnd = <T>(steps: Steps<T>): T => {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
};

/** Runs `steps`, awaiting `pause()` whenever a slice has run for more than `budgetMs`. */
export const runInSlices = async <T>(
  steps: Steps<T>,
  pause: () => Promise<void>,
  budgetMs: number,
): Promise<T> => {
  let since = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - since > budgetMs) {
      await pause();
      since = performance.now();
    }
  }
};
