/**
 * The directory's inverted index, kept up to date change by change: adding, changing or removing
 * one service touches only that service's words, so an edit, a bed update or a sync batch never
 * rebuilds the index (issue 15). A fresh build is the same code path fed every doc at once.
 *
 * Docs live in slots (reused after removal). Tokens are a sorted array with a parallel array of
 * postings, so a query word is a binary search to the range of tokens it prefixes; a posting's
 * order does not matter (the query scores by slot), so removal is a swap with the last entry.
 */
import { digitsOnly, normalizeText, tokenize } from './normalize';
import { cmpKey, lowerBound, lowerBoundBy, mergeOrder, mergeTokens } from './searchIndexMerge';

export { lowerBound } from './searchIndexMerge';

export type SearchDoc = {
  id: string;
  name: string;
  alternateName?: string;
  organization?: string;
  /** Location name, city, region name: one string. */
  locality?: string;
  phones?: readonly string[];
  /** Category and population labels, so "refuge" finds shelters. */
  labels?: string;
  /** Synonym groups (synonyms.ts), matched like label words in every language. */
  groups?: readonly string[];
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

export type Posting = { docs: number[]; ws: number[] };

export type SearchScratch = {
  stamp: Uint32Array;
  queryStamp: Uint32Array;
  best: Float32Array;
  score: Float32Array;
  hits: Uint8Array;
  gen: number;
};

export type SearchIndex = {
  /** Slot of each indexed doc id. */
  slotOf: Map<string, number>;
  /** Doc id per slot; undefined for a free slot. */
  ids: (string | undefined)[];
  free: number[];
  /** Each slot's tokens and weights, so a change removes exactly what it added. */
  docTokens: (readonly string[])[];
  docWeights: (readonly number[])[];
  /** A hash of each slot's doc fields, to skip a doc that did not change. */
  signature: string[];
  /** Sorted; a token whose posting emptied stays (skipped) until a batch compacts. */
  tokens: string[];
  postings: Posting[];
  /** New tokens since the last merge, sorted, searched beside the main array. */
  extraTokens: string[];
  extraPostings: Posting[];
  emptyTokens: number;
  /** Sort key per slot (normalised name, then id) and the live slots in that order. */
  sortKey: string[];
  order: number[];
  /** Position of each slot in `order`, the tie-break; recomputed lazily after changes. */
  nameRank: Int32Array;
  rankDirty: boolean;
  /** First normalised word of each slot's name, for the name-start bonus. */
  firstWord: string[];
  /** Scratch buffers reused across queries so typing allocates little. */
  scratch: SearchScratch;
};

const phoneTokens = (phone: string): string[] => {
  const digits = digitsOnly(phone);
  if (!digits) return [];
  // "+223 76 12 34 56": the full number, its national part, and each typed group.
  const out = new Set([digits, ...tokenize(phone)]);
  if (phone.trim().startsWith('+') && digits.length > 8) out.add(digits.slice(-8));
  return [...out];
};

/** A synonym group's token: the leading control character keeps it out of any word's range. */
export const groupToken = (group: string) => `\u0001${group}`;

/** Every token of a doc with its best field weight. */
export const docTerms = (d: SearchDoc): Map<string, number> => {
  const terms = new Map<string, number>();
  const add = (t: string, w: number) => {
    if ((terms.get(t) ?? 0) < w) terms.set(t, w);
  };
  const addText = (text: string | undefined, w: number) => {
    if (text) for (const t of tokenize(text)) add(t, w);
  };
  addText(d.name, FIELD_WEIGHTS.name);
  addText(d.alternateName, FIELD_WEIGHTS.alternateName);
  addText(d.organization, FIELD_WEIGHTS.organization);
  addText(d.locality, FIELD_WEIGHTS.locality);
  addText(d.labels, FIELD_WEIGHTS.labels);
  addText(d.description, FIELD_WEIGHTS.description);
  for (const p of d.phones ?? []) for (const t of phoneTokens(p)) add(t, FIELD_WEIGHTS.phones);
  for (const g of d.groups ?? []) add(groupToken(g), FIELD_WEIGHTS.labels);
  return terms;
};

/** A doc's text fields, phones aside. */
export const textFields = (d: SearchDoc): (string | undefined)[] => [
  d.name,
  d.alternateName,
  d.organization,
  d.locality,
  d.labels,
  d.description,
];

/**
 * 64 bits of a string (two 32-bit multiply-xorshift lanes), as 16 hex digits: a doc's signature
 * is kept per slot, in memory and in the persisted index, so it is a hash, not the doc's text.
 */
export const hash64 = (s: string): string => {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
};

export const docSignature = (d: SearchDoc): string =>
  hash64([d.id, ...textFields(d), ...(d.phones ?? []), '', ...(d.groups ?? [])].join('\u0001'));

export const newScratch = (n: number): SearchScratch => ({
  stamp: new Uint32Array(n),
  queryStamp: new Uint32Array(n),
  best: new Float32Array(n),
  score: new Float32Array(n),
  hits: new Uint8Array(n),
  gen: 0,
});

export const createSearchIndex = (): SearchIndex => ({
  slotOf: new Map(),
  ids: [],
  free: [],
  docTokens: [],
  docWeights: [],
  signature: [],
  tokens: [],
  postings: [],
  extraTokens: [],
  extraPostings: [],
  emptyTokens: 0,
  sortKey: [],
  order: [],
  nameRank: new Int32Array(0),
  rankDirty: false,
  firstWord: [],
  scratch: newScratch(0),
});

/** Below this many changes, the name order is spliced in place and postings edited one by one. */
const SPLICE_LIMIT = 32;

export const findPosting = (index: SearchIndex, token: string): Posting | undefined => {
  let i = lowerBound(index.tokens, token);
  if (index.tokens[i] === token) return index.postings[i];
  i = lowerBound(index.extraTokens, token);
  return index.extraTokens[i] === token ? index.extraPostings[i] : undefined;
};

/** Removes the words of `slots` from the postings: one by one, or one filter pass per posting. */
const unpost = (index: SearchIndex, slots: readonly number[], big: boolean) => {
  if (!big) {
    for (const slot of slots)
      for (const token of index.docTokens[slot]!) {
        const p = findPosting(index, token)!;
        const at = p.docs.indexOf(slot);
        const last = p.docs.length - 1;
        p.docs[at] = p.docs[last]!;
        p.ws[at] = p.ws[last]!;
        p.docs.pop();
        p.ws.pop();
        if (last === 0) index.emptyTokens += 1;
      }
  } else {
    const dead = new Uint8Array(index.ids.length);
    const touched = new Set<Posting>();
    for (const slot of slots) {
      dead[slot] = 1;
      for (const token of index.docTokens[slot]!) touched.add(findPosting(index, token)!);
    }
    for (const p of touched) {
      let k = 0;
      for (let j = 0; j < p.docs.length; j++) {
        if (dead[p.docs[j]!]) continue;
        p.docs[k] = p.docs[j]!;
        p.ws[k++] = p.ws[j]!;
      }
      if (k === 0) index.emptyTokens += 1;
      p.docs.length = k;
      p.ws.length = k;
    }
  }
  for (const slot of slots) {
    index.docTokens[slot] = [];
    index.docWeights[slot] = [];
  }
};

const orderAt = (index: SearchIndex, key: string) =>
  lowerBoundBy(index.order, (s) => cmpKey(index.sortKey[s]!, key));

/**
 * Applies removals and upserts (a changed doc is an upsert of its id; the last version in a
 * batch wins; an unchanged doc is skipped). Cost is proportional to the changed docs' words,
 * plus, for a large batch, one filter pass over the postings it touches and one linear merge of
 * the sorted arrays; never a re-tokenisation of unchanged docs.
 */
export const applySearchChanges = (
  index: SearchIndex,
  upserts: readonly SearchDoc[],
  removeIds: readonly string[] = [],
): void => {
  const latest = new Map<string, SearchDoc>();
  for (const d of upserts) latest.set(d.id, d);
  const puts: { doc: SearchDoc; sig: string }[] = [];
  for (const doc of latest.values()) {
    const sig = docSignature(doc);
    const slot = index.slotOf.get(doc.id);
    if (slot === undefined || index.signature[slot] !== sig) puts.push({ doc, sig });
  }
  const removed = removeIds.filter((id) => index.slotOf.has(id) && !latest.has(id));
  const big = puts.length + removed.length > SPLICE_LIMIT;
  const leaving = [
    ...new Set([
      ...removed.map((id) => index.slotOf.get(id)!),
      ...puts.flatMap(({ doc }) => index.slotOf.get(doc.id) ?? []),
    ]),
  ];
  unpost(index, leaving, big);
  if (!big) for (const slot of leaving) index.order.splice(orderAt(index, index.sortKey[slot]!), 1);
  for (const id of removed) {
    const slot = index.slotOf.get(id)!;
    index.slotOf.delete(id);
    index.ids[slot] = undefined;
    index.signature[slot] = '';
    index.free.push(slot);
  }

  const pending = new Map<string, Posting>();
  const arriving: number[] = [];
  for (const { doc, sig } of puts) {
    let slot = index.slotOf.get(doc.id);
    if (slot === undefined) {
      slot = index.free.pop() ?? index.ids.length;
      index.slotOf.set(doc.id, slot);
      index.ids[slot] = doc.id;
    }
    index.signature[slot] = sig;
    const terms = docTerms(doc);
    for (const [token, w] of terms) {
      let p = findPosting(index, token) ?? pending.get(token);
      if (!p) pending.set(token, (p = { docs: [], ws: [] }));
      else if (p.docs.length === 0) index.emptyTokens -= 1;
      p.docs.push(slot);
      p.ws.push(w);
    }
    index.docTokens[slot] = [...terms.keys()];
    index.docWeights[slot] = [...terms.values()];
    index.firstWord[slot] = tokenize(doc.name)[0] ?? '';
    const key = `${normalizeText(doc.name)}\u0000${doc.id}`;
    index.sortKey[slot] = key;
    if (big) arriving.push(slot);
    else index.order.splice(orderAt(index, key), 0, slot);
  }

  mergeTokens(index, pending, big);
  if (big) mergeOrder(index, new Set(leaving), arriving);
  index.rankDirty = true;
  if (index.scratch.stamp.length < index.ids.length) {
    const gen = index.scratch.gen;
    index.scratch = newScratch(Math.max(16, index.ids.length * 1.25) | 0);
    index.scratch.gen = gen;
  }
};

/** The name-order rank per slot, recomputed (linear) only after a change. */
export const nameRanks = (index: SearchIndex): Int32Array => {
  if (index.rankDirty || index.nameRank.length < index.ids.length) {
    if (index.nameRank.length < index.ids.length)
      index.nameRank = new Int32Array(index.scratch.stamp.length);
    index.order.forEach((slot, rank) => (index.nameRank[slot] = rank));
    index.rankDirty = false;
  }
  return index.nameRank;
};

/** A fresh index over `docs`; doc i gets slot i, so masks by position still work. */
export const buildSearchIndex = (docs: readonly SearchDoc[]): SearchIndex => {
  const index = createSearchIndex();
  applySearchChanges(index, docs);
  return index;
};

/** What differs between the index and the full current list: docs new or changed, ids gone. */
const diffDocs = (index: SearchIndex, docs: readonly SearchDoc[]) => {
  const changed: SearchDoc[] = [];
  const seen = new Set<string>();
  for (const d of docs) {
    seen.add(d.id);
    const slot = index.slotOf.get(d.id);
    if (slot === undefined || index.signature[slot] !== docSignature(d)) changed.push(d);
  }
  const gone: string[] = [];
  if (seen.size !== index.slotOf.size || changed.length)
    for (const id of index.slotOf.keys()) if (!seen.has(id)) gone.push(id);
  return { changed, gone };
};

/**
 * Brings the index in line with the full current list: upserts what is new or changed (by
 * signature), removes what is gone. Linear string comparisons over unchanged docs, no
 * tokenising; returns how many docs changed.
 */
export const syncSearchIndex = (index: SearchIndex, docs: readonly SearchDoc[]): number => {
  const { changed, gone } = diffDocs(index, docs);
  if (changed.length || gone.length) applySearchChanges(index, changed, gone);
  return changed.length + gone.length;
};

/**
 * An index that follows a changing list in chunks, pausing between them so the window keeps
 * answering while 50k services are indexed at start (or a large sync batch arrives). `ready`
 * once a first full pass is done; a newer `follow` (or a new `key`, e.g. the language of the
 * labels, which rebuilds) makes an older one stop at its next pause.
 */
export const chunkedSearchIndex = (chunk = 2000) => {
  let index = createSearchIndex();
  let key: unknown;
  let ready = false;
  let run = 0;
  return {
    get index() {
      return index;
    },
    get ready() {
      return ready;
    },
    /** The labels' key the index was built for (a new key rebuilds it). */
    get key() {
      return key;
    },
    /**
     * Starts from `stored` (a persisted index, searchIndexStore.ts) instead of an empty one: the
     * next `follow` with the same key then re-indexes only the docs that differ from it. Not
     * `ready` until that `follow` has checked every doc.
     */
    adopt(stored: SearchIndex, k: unknown) {
      run += 1;
      [index, key, ready] = [stored, k, false];
    },
    /** Resolves true when the index matches `docs` and no newer call has started. */
    async follow<T>(
      items: readonly T[],
      toDoc: (item: T) => SearchDoc,
      k: unknown,
      pause: () => Promise<void>,
    ): Promise<boolean> {
      const mine = ++run;
      if (k !== key) [index, key, ready] = [createSearchIndex(), k, false];
      const target = index;
      const docs: SearchDoc[] = [];
      for (let i = 0; i < items.length; i += chunk) {
        for (const item of items.slice(i, i + chunk)) docs.push(toDoc(item));
        await pause();
        if (run !== mine) return false;
      }
      const { changed, gone } = diffDocs(target, docs);
      if (gone.length) applySearchChanges(target, [], gone);
      for (let i = 0; i < changed.length; i += chunk) {
        applySearchChanges(target, changed.slice(i, i + chunk));
        await pause();
        if (run !== mine) return false;
      }
      ready = true;
      return true;
    },
  };
};
