/**
 * Runs `task` once the window is idle (after the first screen is drawn), or after `timeoutMs`
 * at the latest; returns a cancel function. For start-up work the first screen does not need
 * (issue 15, cold start). Electron and Chromium have requestIdleCallback; elsewhere, a timer.
 */
export const whenIdle = (task: () => void, timeoutMs = 2000): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => task(), { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 0);
  return () => clearTimeout(handle);
};
