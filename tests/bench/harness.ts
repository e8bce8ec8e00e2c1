/**
 * Benchmarks print figures beside a baseline measured in the same run, never pass/fail: the
 * machine's speed varies, a ratio to a baseline on the same machine says more.
 */
export type Row = {
  label: string;
  value: number;
  unit: string;
  /** Label of the row this one is compared with (ratio printed). */
  baseline?: string;
  /**
   * A target from the issue, printed as `[target: …]` for the reader, never asserted: a ratio
   * to the row's baseline (`≤ 1.5× baseline`; `≥` for a rate) or an absolute bound (`< 16 ms`).
   */
  target?: Target;
};

export type Target =
  `≤ ${number}× baseline` | `≥ ${number}× baseline` | `< ${number} ms` | `< ${number} MB`;

export type Bench = { name: string; run: () => Promise<Row[]> };

export const now = () => performance.now();

export const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** Runs `fn` for each input, `rounds` times, after one warm-up round; returns ms per call. */
export const sample = <T>(
  inputs: readonly T[],
  fn: (input: T) => unknown,
  rounds = 5,
): number[] => {
  for (const i of inputs) fn(i);
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const i of inputs) {
      const t0 = now();
      fn(i);
      out.push(now() - t0);
    }
  }
  return out;
};

/** A seeded PRNG (mulberry32) so every run benchmarks the same data. */
export const rng = (seed: number) => () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export const pick = <T>(r: () => number, list: readonly T[]): T =>
  list[Math.floor(r() * list.length)]!;
