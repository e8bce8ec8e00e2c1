/**
 * The current time as React state, ticking every 30 s: ages ("updated 3 h ago"), staleness and
 * overdue referrals change while a screen stays open. One timer for every subscriber, however
 * many badges are on screen, stopped when nothing listens.
 */
import { useSyncExternalStore } from 'react';

const TICK_MS = 30_000;

const clock = (() => {
  let now = Date.now();
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    subscribe(cb: () => void) {
      listeners.add(cb);
      // After a while with no subscriber the stored time is old: React re-reads it after this.
      if (timer === undefined) now = Date.now();
      timer ??= setInterval(() => {
        now = Date.now();
        listeners.forEach((l) => l());
      }, TICK_MS);
      return () => {
        listeners.delete(cb);
        if (listeners.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    get: () => now,
  };
})();

/** Milliseconds since the epoch, refreshed every 30 s. */
export const useNow = (): number => useSyncExternalStore(clock.subscribe, clock.get);
