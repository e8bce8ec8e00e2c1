import { afterEach, describe, expect, it, vi } from 'vitest';
import { runWhenIdle } from './whenIdle';

/** Work of `slices` calls; records the time each call was offered. */
const slicedWork = (slices: number) => {
  const offered: number[] = [];
  const work = (timeLeft: () => number) => {
    offered.push(timeLeft());
    return offered.length < slices;
  };
  return { work, offered };
};

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('runWhenIdle', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('without requestIdleCallback, works on timers until done, a slice of time each', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const { work, offered } = slicedWork(4);
    runWhenIdle(work);
    // Nothing runs in the caller's own turn: the screen answers first.
    expect(offered).toEqual([]);
    await settle();
    expect(offered).toHaveLength(4);
    for (const ms of offered) {
      expect(ms).toBeGreaterThan(0);
      expect(ms).toBeLessThanOrEqual(8);
    }
  });

  it('uses idle deadlines, at most 8 ms of each, and a slice when one timed out', async () => {
    const deadlines = [
      { didTimeout: false, timeRemaining: () => 40 },
      { didTimeout: false, timeRemaining: () => 3 },
      { didTimeout: true, timeRemaining: () => 0 },
    ];
    vi.stubGlobal('requestIdleCallback', (fn: (d: IdleDeadline) => void) =>
      setTimeout(() => fn(deadlines.shift()!), 0),
    );
    vi.stubGlobal('cancelIdleCallback', clearTimeout);
    const { work, offered } = slicedWork(3);
    runWhenIdle(work);
    await settle();
    expect(offered).toHaveLength(3);
    expect(offered[0]).toBeLessThanOrEqual(8);
    expect(offered[0]).toBeGreaterThan(3);
    expect(offered[1]).toBeLessThanOrEqual(3);
    expect(offered[2]).toBeGreaterThan(0);
  });

  it('stops when told, between slices', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const { work, offered } = slicedWork(1000);
    const stop = runWhenIdle((timeLeft) => {
      const more = work(timeLeft);
      if (offered.length === 2) stop();
      return more;
    });
    await settle();
    expect(offered).toHaveLength(2);
  });
});
