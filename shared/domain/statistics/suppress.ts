/**
 * Small-cell suppression with complementary suppression (issue 14), for a table of counts with
 * its row totals, column totals and grand total.
 *
 * The table with its margins is an (r+1)×(c+1) grid y (last row: column totals, last column:
 * row totals). Every row and every column of that grid is one additive line (the last entry is
 * the sum of the others). With σ = −1 on the totals row, τ = −1 on the totals column and
 * w[a][b] = σ_a·τ_b·y[a][b], every line of w sums to zero. The hidden entries are the edges of a
 * bipartite graph between lines; the tables that agree with everything shown differ from y by
 * circulations of that graph. So a hidden entry can take another value, everything shown
 * unchanged, exactly when it lies on a cycle along which every hidden entry can move one step
 * within what a reader knows of it: a primary cell lies in [1, k−1] (it says "< k"); a
 * complementary one is ≥ k (it would be primary otherwise, and zeros are never chosen). That
 * is `isProtected`; `suppress` adds complementary cells (smallest first) until every hidden
 * entry is protected, or withholds the whole table when it cannot.
 */

/** CTDC publishes with k = 11; an administrator may lower it, never under 5. */
export const DEFAULT_THRESHOLD = 11;
export const MIN_THRESHOLD = 5;
export const clampThreshold = (k: number): number =>
  Number.isFinite(k) ? Math.min(DEFAULT_THRESHOLD, Math.max(MIN_THRESHOLD, Math.round(k))) : 11;

export type Mark = 'shown' | 'primary' | 'complementary';

export type SuppressedGrid = {
  /** (r+1)×(c+1): cells, row totals in the last column, column totals in the last row. */
  values: number[][];
  marks: Mark[][];
  threshold: number;
  /** Nothing could protect the small cells: the whole table is withheld. */
  withheld: boolean;
};

/** The grid with its margins, from an r×c table of counts. */
export const withMargins = (cells: readonly (readonly number[])[]): number[][] => {
  const r = cells.length;
  const c = r === 0 ? 0 : cells[0]!.length;
  const grid = cells.map((row) => [...row, row.reduce((s, v) => s + v, 0)]);
  const totals: number[] = [];
  for (let b = 0; b <= c; b++) totals.push(grid.reduce((s, row) => s + row[b]!, 0));
  return [...grid, totals];
};

type Entry = readonly [number, number];

/** Can the entry move by δy within what a reader knows of it? */
const canMove = (y: number, mark: Mark, dy: number, k: number): boolean => {
  const next = y + dy;
  if (mark === 'primary') return next >= 1 && next <= k - 1;
  return next >= k;
};

/**
 * Another table that agrees with every shown entry and with the known bounds of every hidden
 * one, and differs at `at`; undefined when there is none (the entry could be worked out).
 * Searches an alternating cycle through the entry and moves every entry on it by one.
 */
export const alternative = (
  values: readonly (readonly number[])[],
  marks: readonly (readonly Mark[])[],
  threshold: number,
  at: Entry,
): number[][] | undefined => {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const sign = (a: number, b: number) => (a === rows - 1 ? -1 : 1) * (b === cols - 1 ? -1 : 1);
  // Arcs: row a → col b when w may rise by one there; col b → row a when it may fall.
  const up: number[][] = Array.from({ length: rows }, () => []);
  const down: number[][] = Array.from({ length: cols }, () => []);
  for (let a = 0; a < rows; a++)
    for (let b = 0; b < cols; b++) {
      const mark = marks[a]![b]!;
      if (mark === 'shown' || (a === at[0] && b === at[1])) continue;
      const s = sign(a, b);
      if (canMove(values[a]![b]!, mark, s, threshold)) up[a]!.push(b);
      if (canMove(values[a]![b]!, mark, -s, threshold)) down[b]!.push(a);
    }
  /** Entries (row, col) of an alternating path from `from` to `to`, or undefined. */
  const path = (fromCol: boolean, from: number, to: number): Entry[] | undefined => {
    // Node ids: rows 0..rows-1, columns rows..rows+cols-1; parent[n] = previous node.
    const parent = new Int32Array(rows + cols).fill(-2);
    const start = fromCol ? rows + from : from;
    const goal = fromCol ? to : rows + to;
    parent[start] = -1;
    const stack = [start];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n === goal) break;
      const next = n >= rows ? down[n - rows]! : up[n]!.map((b) => rows + b);
      for (const m of next)
        if (parent[m] === -2) {
          parent[m] = n;
          stack.push(m);
        }
    }
    if (parent[goal] === -2) return undefined;
    const out: Entry[] = [];
    for (let n = goal; parent[n]! >= 0; n = parent[n]!) {
      const p = parent[n]!;
      out.push(p < rows ? [p, n - rows] : [n, p - rows]);
    }
    return out;
  };
  const [a, b] = at;
  const mark = marks[a]![b]!;
  const y = values[a]![b]!;
  const s = sign(a, b);
  for (const dw of [1, -1]) {
    if (!canMove(y, mark, dw * s, threshold)) continue;
    // w rises at (a, b): the cycle goes on from column b back to row a (and the reverse).
    const rest = dw === 1 ? path(true, b, a) : path(false, a, b);
    if (!rest) continue;
    const out = values.map((row) => [...row]);
    out[a]![b]! += dw * s;
    // Along the rest of the cycle w alternates, starting with a fall at the entry after (a, b).
    rest.reverse().forEach(([p, q], i) => {
      out[p]![q]! += (i % 2 === 0 ? -dw : dw) * sign(p, q);
    });
    return out;
  }
  return undefined;
};

export const isProtected = (
  values: readonly (readonly number[])[],
  marks: readonly (readonly Mark[])[],
  threshold: number,
  at: Entry,
): boolean => alternative(values, marks, threshold, at) !== undefined;

/** What a reader sees: a number, "< k" (a small cell) or hidden (complementary). */
export type Shown = number | 'small' | 'hidden';
export const shownGrid = (g: SuppressedGrid): Shown[][] =>
  g.values.map((row, a) =>
    row.map((v, b) => {
      const m = g.marks[a]![b]!;
      if (g.withheld) return 'hidden';
      return m === 'shown' ? v : m === 'primary' ? 'small' : 'hidden';
    }),
  );

const hiddenEntries = (marks: readonly (readonly Mark[])[]): Entry[] => {
  const out: Entry[] = [];
  marks.forEach((row, a) => row.forEach((m, b) => m !== 'shown' && out.push([a, b])));
  return out;
};

/** The first hidden entry that a reader could work out, if any. */
export const firstExposed = (
  values: readonly (readonly number[])[],
  marks: readonly (readonly Mark[])[],
  threshold: number,
): Entry | undefined => hiddenEntries(marks).find((e) => !isProtected(values, marks, threshold, e));

/**
 * The cheapest set of shown entries whose hiding puts `at` on a cycle every entry of which can
 * move: a shortest alternating path (Dijkstra; a shown entry costs its value, a hidden one
 * nothing) from one end of the entry back to the other. Zeros are never chosen.
 */
const cheapestCycle = (
  values: readonly (readonly number[])[],
  marks: readonly (readonly Mark[])[],
  threshold: number,
  at: Entry,
): Entry[] | undefined => {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const sign = (a: number, b: number) => (a === rows - 1 ? -1 : 1) * (b === cols - 1 ? -1 : 1);
  const markOf = (a: number, b: number): Mark | null => {
    const m = marks[a]![b]!;
    if (m !== 'shown') return m;
    return values[a]![b]! > 0 ? 'complementary' : null;
  };
  const search = (fromCol: boolean, from: number, to: number) => {
    // Nodes: rows 0..rows-1, columns rows..; an up arc leaves a row, a down arc a column.
    const n = rows + cols;
    const dist = new Float64Array(n).fill(Infinity);
    const via = new Int32Array(n).fill(-1);
    const done = new Uint8Array(n);
    const start = fromCol ? rows + from : from;
    const goal = fromCol ? to : rows + to;
    dist[start] = 0;
    for (;;) {
      let u = -1;
      for (let v = 0; v < n; v++)
        if (!done[v] && dist[v]! < Infinity && (u < 0 || dist[v]! < dist[u]!)) u = v;
      if (u < 0 || u === goal) break;
      done[u] = 1;
      const isCol = u >= rows;
      const count = isCol ? rows : cols;
      for (let k = 0; k < count; k++) {
        const [a, b] = isCol ? [k, u - rows] : [u, k];
        if (a === at[0] && b === at[1]) continue;
        const m = markOf(a, b);
        if (!m) continue;
        const dy = (isCol ? -1 : 1) * sign(a, b);
        if (!canMove(values[a]![b]!, m, dy, threshold)) continue;
        const v = isCol ? a : rows + b;
        const cost = dist[u]! + (marks[a]![b] === 'shown' ? values[a]![b]! : 0);
        if (cost < dist[v]!) {
          dist[v] = cost;
          via[v] = u;
        }
      }
    }
    if (dist[goal] === Infinity) return undefined;
    const path: Entry[] = [];
    for (let v = goal; via[v]! >= 0; v = via[v]!) {
      const u = via[v]!;
      path.push(u < rows ? [u, v - rows] : [v, u - rows]);
    }
    return { cost: dist[goal]!, path };
  };
  const [a, b] = at;
  const s = sign(a, b);
  const y = values[a]![b]!;
  const m = marks[a]![b]!;
  const options = [
    canMove(y, m, s, threshold) ? search(true, b, a) : undefined,
    canMove(y, m, -s, threshold) ? search(false, a, b) : undefined,
  ].filter((o) => o !== undefined);
  options.sort((p, q) => p.cost - q.cost);
  return options[0]?.path;
};

/**
 * Hides every entry in [1, k−1] (margins included), then, while some hidden entry could be
 * worked out, hides the cheapest set of other entries that protects it. Input: the grid with
 * its margins (`withMargins`).
 */
export const suppress = (grid: readonly (readonly number[])[], k: number): SuppressedGrid => {
  const threshold = clampThreshold(k);
  const values = grid.map((row) => [...row]);
  const marks: Mark[][] = values.map((row) =>
    row.map((v): Mark => (v >= 1 && v < threshold ? 'primary' : 'shown')),
  );
  for (;;) {
    const exposed = firstExposed(values, marks, threshold);
    if (!exposed) return { values, marks, threshold, withheld: false };
    const cycle = cheapestCycle(values, marks, threshold, exposed);
    const added = (cycle ?? []).filter(([a, b]) => marks[a]![b] === 'shown');
    if (added.length === 0) {
      const hidden: Mark[][] = marks.map((row) => row.map((): Mark => 'complementary'));
      return { values, marks: hidden, threshold, withheld: true };
    }
    for (const [a, b] of added) marks[a]![b] = 'complementary';
  }
};
