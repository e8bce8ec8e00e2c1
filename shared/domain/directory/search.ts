/**
 * Directory search: accent- and case-insensitive, word-prefix matching over name, organisation,
 * locality, phone numbers, category labels and description, ranked by where the words match.
 *
 * Queries an inverted index kept up to date change by change (searchIndex.ts): a query word is a
 * binary search to the range of tokens it prefixes, then a walk over their postings. Measured
 * against a plain linear scan of pre-normalised text in `npm run bench` (the scan must never be
 * faster).
 */
import { digitsOnly, normalizeText, tokenize } from './normalize';
import type { SearchDoc, SearchIndex } from './searchIndex';
import { lowerBound, nameRanks, textFields } from './searchIndex';

export type { SearchDoc, SearchIndex } from './searchIndex';
export {
  FIELD_WEIGHTS,
  applySearchChanges,
  buildSearchIndex,
  createSearchIndex,
  liveSearchIndex,
  syncSearchIndex,
} from './searchIndex';

const EXACT_BONUS = 1.5;
const NAME_START_BONUS = 6;

/** `index` is the doc's slot: its position in the docs of a fresh build. */
export type SearchHit = { id: string; index: number; score: number };

export type SearchOptions = {
  /** Only docs whose mask byte (by slot) is 1 are returned (the list's other filters). */
  allowed?: Uint8Array;
  /** How many ranked hits to return; the total count is always exact. */
  limit?: number;
};

export type SearchResult = { hits: SearchHit[]; total: number };

/** Query words: normalised tokens, plus a phone-shaped query as one run of digits. */
export const queryTokens = (query: string): string[] => {
  const words = tokenize(query);
  const digits = digitsOnly(query);
  if (/^[\d\s.+\-()]+$/.test(query.trim()) && digits.length >= 3) return [digits];
  return [...new Set(words)].slice(0, 16);
};

export const searchIndex = (
  index: SearchIndex,
  query: string,
  { allowed, limit = 50 }: SearchOptions = {},
): SearchResult => {
  const words = queryTokens(query);
  if (words.length === 0) {
    // Already in name order: no sort, one pass.
    const hits: SearchHit[] = [];
    let total = 0;
    for (const slot of index.order) {
      if (allowed && !allowed[slot]) continue;
      if (total++ < limit) hits.push({ id: index.ids[slot]!, index: slot, score: 0 });
    }
    return { total, hits };
  }
  const s = index.scratch;
  s.gen += 1;
  const queryGen = s.gen;
  const touched: number[] = [];
  words.forEach((word, w) => {
    // A fresh generation per word: `best` holds this word's best weight per doc.
    s.gen += 1;
    const wordGen = s.gen;
    // The main token array, then the side array of tokens added since the last merge.
    for (const [tokens, postings] of [
      [index.tokens, index.postings],
      [index.extraTokens, index.extraPostings],
    ] as const) {
      for (let t = lowerBound(tokens, word); t < tokens.length; t++) {
        const token = tokens[t]!;
        if (!token.startsWith(word)) break;
        const exact = token.length === word.length ? EXACT_BONUS : 1;
        const { docs, ws } = postings[t]!;
        for (let j = 0; j < docs.length; j++) {
          const d = docs[j]!;
          if (allowed && !allowed[d]) continue;
          const weight = ws[j]! * exact;
          if (s.stamp[d] !== wordGen) {
            // First match of this word in d: count it only if d matched every earlier word.
            if (w === 0) {
              s.queryStamp[d] = queryGen;
              s.score[d] = 0;
              touched.push(d);
            } else if (s.queryStamp[d] !== queryGen || s.hits[d] !== w) continue;
            s.stamp[d] = wordGen;
            s.best[d] = weight;
            s.hits[d] = w + 1;
            s.score[d] = s.score[d]! + weight;
          } else if (weight > s.best[d]!) {
            s.score[d] = s.score[d]! + weight - s.best[d]!;
            s.best[d] = weight;
          }
        }
      }
    }
  });
  const all = words.length;
  const first = words[0]!;
  const matched: number[] = [];
  for (const d of touched) {
    if (s.hits[d] !== all) continue;
    if (index.firstWord[d]!.startsWith(first)) s.score[d] = s.score[d]! + NAME_START_BONUS;
    matched.push(d);
  }
  const rank = nameRanks(index);
  const byRank = (a: number, b: number) => s.score[b]! - s.score[a]! || rank[a]! - rank[b]!;
  const top = selectTop(matched, limit, byRank);
  return {
    total: matched.length,
    hits: top.map((i) => ({ id: index.ids[i]!, index: i, score: s.score[i]! })),
  };
};

/**
 * The `limit` best by `cmp`, in order, without sorting everything: a bounded heap whose root is
 * the worst kept item, so most candidates are rejected by one comparison.
 */
const selectTop = (items: number[], limit: number, cmp: (a: number, b: number) => number) => {
  if (items.length <= limit * 2 || !Number.isFinite(limit)) return items.sort(cmp).slice(0, limit);
  const heap: number[] = [];
  // Max-heap by cmp: heap[0] is the item that ranks last among those kept.
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && cmp(heap[l]!, heap[m]!) > 0) m = l;
      if (r < heap.length && cmp(heap[r]!, heap[m]!) > 0) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (cmp(heap[i]!, heap[p]!) <= 0) return;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  for (const item of items) {
    if (heap.length < limit) {
      heap.push(item);
      up(heap.length - 1);
    } else if (cmp(item, heap[0]!) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(cmp);
};

/** The baseline the index must beat: every doc's pre-normalised text, scanned in full. */
export const prepareLinearScan = (docs: readonly SearchDoc[]): string[] =>
  docs.map((d) => normalizeText([...textFields(d), ...(d.phones ?? []).map(digitsOnly)].join(' ')));

export const linearScan = (haystacks: readonly string[], query: string): number[] => {
  const words = queryTokens(query);
  const out: number[] = [];
  for (let i = 0; i < haystacks.length; i++) {
    const h = haystacks[i]!;
    if (words.every((w) => h.includes(w))) out.push(i);
  }
  return out;
};
