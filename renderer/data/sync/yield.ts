/**
 * Gives the main thread back between batches of a sync, so that no task runs for long while
 * thousands of documents are checked and written: the screen stays usable and Cancel answers.
 * `scheduler.yield` (Chromium) resumes ahead of other queued work; elsewhere a macrotask.
 */
/**
 * Documents handled in one task (checked, read or written): a few hundred keep each task well
 * under 100 ms.
 */
export const SLICE = 250;

type Scheduler = { yield?: () => Promise<void> };

export const yieldToMain = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/** Maps `fn` over `items` in slices of `size`, yielding between slices; results in order. */
export const inSlices = async <T, R>(
  items: readonly T[],
  size: number,
  fn: (slice: readonly T[]) => Promise<R[]>,
): Promise<R[]> => {
  const out: R[] = [];
  for (let at = 0; at < items.length; at += size) {
    if (at > 0) await yieldToMain();
    for (const r of await fn(items.slice(at, at + size))) out.push(r);
  }
  return out;
};

/**
 * Turns for the items of a batch mapped concurrently: item `i` first awaits `turn(i)`, which
 * lets the items of slice ⌊i / size⌋ start one yield after those of the slice before. What an
 * item does before its first real wait (parsing, checking) is then one task per slice.
 */
export const slicedTurns = (size = SLICE) => {
  const turns: Promise<void>[] = [Promise.resolve()];
  return (i: number): Promise<void> => {
    const k = Math.floor(i / size);
    while (turns.length <= k) turns.push(turns[turns.length - 1]!.then(yieldToMain));
    return turns[k]!;
  };
};
