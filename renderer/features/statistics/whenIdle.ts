/**
 * Runs work in the screen's idle time, a slice at a time, until it says it is done: the
 * statistics cube builds a new breakdown's cells this way after answering it by the recount.
 * `requestIdleCallback` where there is one; elsewhere a timer and a slice of a few ms, so a
 * click waits for one slice at most. Returns a function that stops it.
 */

/** Work for `timeLeft()` ms; true while some is left. */
export type IdleWork = (timeLeft: () => number) => boolean;

/**
 * The most one call works for: half a frame, so input that arrives meanwhile is handled within
 * a frame (an idle deadline may allow up to 50 ms).
 */
const SLICE_MS = 8;

export const runWhenIdle = (work: IdleWork): (() => void) => {
  let stopped = false;
  let cancel = () => {};
  const run = (deadline?: IdleDeadline) => {
    if (stopped) return;
    // A deadline that timed out has no time left: the work gets a slice all the same.
    const end = performance.now() + SLICE_MS;
    const timeLeft =
      deadline && !deadline.didTimeout
        ? () => Math.min(deadline.timeRemaining(), end - performance.now())
        : () => end - performance.now();
    if (work(timeLeft)) schedule();
  };
  const schedule = () => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(run, { timeout: 1000 });
      cancel = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(run, 0);
      cancel = () => clearTimeout(id);
    }
  };
  schedule();
  return () => {
    stopped = true;
    cancel();
  };
};
