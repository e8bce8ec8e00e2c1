/**
 * The sorted arrays of the search index (tokens, name order), merged in one linear pass after a
 * large batch of changes instead of being re-sorted.
 */
import type { Posting, SearchIndex } from './searchIndex';

/** New tokens wait in a small sorted side array until this many, then merge into the main one. */
const EXTRA_LIMIT = 4096;

export const lowerBound = (arr: readonly string[], key: string): number => {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

export const lowerBoundBy = (arr: readonly number[], cmp: (x: number) => number): number => {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(arr[mid]!) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

export const cmpKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Merges sorted token lists, dropping emptied postings. */
const mergeSorted = (
  lists: readonly { tokens: readonly string[]; postings: readonly Posting[] }[],
): { tokens: string[]; postings: Posting[] } => {
  const tokens: string[] = [];
  const postings: Posting[] = [];
  const at = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let l = 0; l < lists.length; l++) {
      const t = lists[l]!.tokens[at[l]!];
      if (t !== undefined && (best < 0 || t < lists[best]!.tokens[at[best]!]!)) best = l;
    }
    if (best < 0) return { tokens, postings };
    const i = at[best]!++;
    const p = lists[best]!.postings[i]!;
    if (p.docs.length === 0) continue;
    tokens.push(lists[best]!.tokens[i]!);
    postings.push(p);
  }
};

/**
 * New tokens go into the small side array (a splice there is cheap); a large batch, a full side
 * array or many emptied tokens merge everything into the main array in one linear pass.
 */
export const mergeTokens = (index: SearchIndex, pending: Map<string, Posting>, big: boolean) => {
  const compact = index.emptyTokens > 1024 && index.emptyTokens * 8 > index.tokens.length;
  if (!big && !compact && index.extraTokens.length + pending.size <= EXTRA_LIMIT) {
    for (const [token, p] of pending) {
      const at = lowerBound(index.extraTokens, token);
      index.extraTokens.splice(at, 0, token);
      index.extraPostings.splice(at, 0, p);
    }
    return;
  }
  const added = [...pending.keys()].sort();
  const merged = mergeSorted([
    index,
    { tokens: index.extraTokens, postings: index.extraPostings },
    { tokens: added, postings: added.map((t) => pending.get(t)!) },
  ]);
  index.tokens = merged.tokens;
  index.postings = merged.postings;
  index.extraTokens = [];
  index.extraPostings = [];
  index.emptyTokens = 0;
};

export const mergeOrder = (index: SearchIndex, leaving: Set<number>, arriving: number[]) => {
  const byKey = (a: number, b: number) => cmpKey(index.sortKey[a]!, index.sortKey[b]!);
  const kept = leaving.size ? index.order.filter((s) => !leaving.has(s)) : index.order;
  // A slot that left and came back (a changed doc) is in `arriving` with its new key.
  arriving.sort(byKey);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length || j < arriving.length) {
    if (j >= arriving.length || (i < kept.length && byKey(kept[i]!, arriving[j]!) < 0))
      out.push(kept[i++]!);
    else out.push(arriving[j++]!);
  }
  index.order = out;
};
