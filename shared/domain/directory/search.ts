/**
 * Directory search: accent- and case-insensitive, word-prefix matching over name, organisation,
 * locality, phone numbers, category labels and description, ranked by where the words match.
 *
 * An inverted index over sorted word tokens: a query word is a binary search to the range of
 * tokens it prefixes, then a walk over their postings in typed arrays. Measured against a plain
 * linear scan of pre-normalised text in `npm run bench` (the scan must never be faster).
 */
import { digitsOnly, normalizeText, tokenize } from './normalize';

export type SearchDoc = {
  id: string;
  name: string;
  alternateName?: string;
  organization?: string;
  /** Location name, city, region name: one string. */
  locality?: string;
  phones?: readonly string[];
  /** Translated category and population labels, so "refuge" finds shelters. */
  labels?: string;
  description?: string;
};

/** Where a word matched, as a weight: a name match outranks a description match. */
export const FIELD_WEIGHTS = {
  name: 12,
  alternateName: 9,
  organization: 7,
  phones: 7,
  locality: 6,
  labels: 4,
  description: 1,
} as const;
const EXACT_BONUS = 1.5;
const NAME_START_BONUS = 6;

export type SearchIndex = {
  ids: readonly string[];
  tokens: readonly string[];
  postings: readonly Int32Array[];
  weights: readonly Uint8Array[];
  /** Position of each doc in name order, the tie-break. */
  nameRank: Int32Array;
  /** First normalised word of each doc's name, for the name-start bonus. */
  firstWord: readonly string[];
  /** Scratch buffers reused across queries so typing allocates little. */
  scratch: {
    stamp: Uint32Array;
    queryStamp: Uint32Array;
    best: Float32Array;
    score: Float32Array;
    hits: Uint8Array;
    gen: number;
  };
};

const phoneTokens = (phone: string): string[] => {
  const digits = digitsOnly(phone);
  if (!digits) return [];
  // "+223 76 12 34 56": the full number, its national part, and each typed group.
  const out = new Set([digits, ...tokenize(phone)]);
  if (phone.trim().startsWith('+') && digits.length > 8) out.add(digits.slice(-8));
  return [...out];
};

export const buildSearchIndex = (docs: readonly SearchDoc[]): SearchIndex => {
  const byToken = new Map<string, Map<number, number>>();
  const add = (token: string, doc: number, weight: number) => {
    let m = byToken.get(token);
    if (!m) byToken.set(token, (m = new Map()));
    if ((m.get(doc) ?? 0) < weight) m.set(doc, weight);
  };
  const firstWord: string[] = [];
  docs.forEach((d, i) => {
    const nameTokens = tokenize(d.name);
    firstWord.push(nameTokens[0] ?? '');
    for (const t of nameTokens) add(t, i, FIELD_WEIGHTS.name);
    for (const t of tokenize(d.alternateName ?? '')) add(t, i, FIELD_WEIGHTS.alternateName);
    for (const t of tokenize(d.organization ?? '')) add(t, i, FIELD_WEIGHTS.organization);
    for (const t of tokenize(d.locality ?? '')) add(t, i, FIELD_WEIGHTS.locality);
    for (const t of tokenize(d.labels ?? '')) add(t, i, FIELD_WEIGHTS.labels);
    for (const t of tokenize(d.description ?? '')) add(t, i, FIELD_WEIGHTS.description);
    for (const p of d.phones ?? []) for (const t of phoneTokens(p)) add(t, i, FIELD_WEIGHTS.phones);
  });
  const tokens = [...byToken.keys()].sort();
  const postings: Int32Array[] = [];
  const weights: Uint8Array[] = [];
  for (const t of tokens) {
    const m = byToken.get(t)!;
    postings.push(Int32Array.from(m.keys()));
    weights.push(Uint8Array.from(m.values()));
  }
  const order = docs.map((_, i) => i);
  const names = docs.map((d) => normalizeText(d.name));
  order.sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : a - b));
  const nameRank = new Int32Array(docs.length);
  order.forEach((doc, rank) => (nameRank[doc] = rank));
  const n = docs.length;
  return {
    ids: docs.map((d) => d.id),
    tokens,
    postings,
    weights,
    nameRank,
    firstWord,
    scratch: {
      stamp: new Uint32Array(n),
      queryStamp: new Uint32Array(n),
      best: new Float32Array(n),
      score: new Float32Array(n),
      hits: new Uint8Array(n),
      gen: 0,
    },
  };
};

const lowerBound = (arr: readonly string[], key: string): number => {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

export type SearchHit = { id: string; index: number; score: number };

export type SearchOptions = {
  /** Only docs whose mask byte is 1 are returned (the list's other filters). */
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
  const n = index.ids.length;
  const words = queryTokens(query);
  if (words.length === 0) {
    const all: number[] = [];
    for (let i = 0; i < n; i++) if (!allowed || allowed[i]) all.push(i);
    all.sort((a, b) => index.nameRank[a]! - index.nameRank[b]!);
    return {
      total: all.length,
      hits: all.slice(0, limit).map((i) => ({ id: index.ids[i]!, index: i, score: 0 })),
    };
  }
  const s = index.scratch;
  s.gen += 1;
  const queryGen = s.gen;
  const touched: number[] = [];
  words.forEach((word, w) => {
    // A fresh generation per word: `best` holds this word's best weight per doc.
    s.gen += 1;
    const wordGen = s.gen;
    const from = lowerBound(index.tokens, word);
    for (let t = from; t < index.tokens.length; t++) {
      const token = index.tokens[t]!;
      if (!token.startsWith(word)) break;
      const exact = token.length === word.length ? EXACT_BONUS : 1;
      const docs = index.postings[t]!;
      const ws = index.weights[t]!;
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
  });
  const all = words.length;
  const first = words[0]!;
  const matched: number[] = [];
  for (const d of touched) {
    if (s.hits[d] !== all) continue;
    if (index.firstWord[d]!.startsWith(first)) s.score[d] = s.score[d]! + NAME_START_BONUS;
    matched.push(d);
  }
  const byRank = (a: number, b: number) =>
    s.score[b]! - s.score[a]! || index.nameRank[a]! - index.nameRank[b]!;
  const top = selectTop(matched, limit, byRank);
  return {
    total: matched.length,
    hits: top.map((i) => ({ id: index.ids[i]!, index: i, score: s.score[i]! })),
  };
};

/** The `limit` best by `cmp` without sorting everything: a sort of a small buffer per chunk. */
const selectTop = (items: number[], limit: number, cmp: (a: number, b: number) => number) => {
  if (items.length <= limit * 4) return items.sort(cmp).slice(0, limit);
  let best: number[] = [];
  for (let i = 0; i < items.length; i += limit * 4) {
    best = best
      .concat(items.slice(i, i + limit * 4))
      .sort(cmp)
      .slice(0, limit);
  }
  return best;
};

/** The baseline the index must beat: every doc's pre-normalised text, scanned in full. */
export const prepareLinearScan = (docs: readonly SearchDoc[]): string[] =>
  docs.map((d) =>
    normalizeText(
      [
        d.name,
        d.alternateName,
        d.organization,
        d.locality,
        d.labels,
        d.description,
        ...(d.phones ?? []).map(digitsOnly),
      ].join(' '),
    ),
  );

export const linearScan = (haystacks: readonly string[], query: string): number[] => {
  const words = queryTokens(query);
  const out: number[] = [];
  for (let i = 0; i < haystacks.length; i++) {
    const h = haystacks[i]!;
    if (words.every((w) => h.includes(w))) out.push(i);
  }
  return out;
};
