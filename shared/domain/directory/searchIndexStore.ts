/**
 * The search index as stored between sessions (issue 15, cold start): flat typed arrays that
 * IndexedDB clones quickly, restored into the live structure without tokenising a single doc.
 *
 * What is stored is checked on the way back (zod for the shapes, then every posting, the name
 * order and the slots for consistency); anything off throws, and the caller rebuilds. The caller
 * also checks the data version it was built from, and the first `follow` after adoption compares
 * every doc's signature, so a stale index is corrected before it answers a query.
 *
 * `overrides` replace docs as they are stored: the directory persists, for a user who may see a
 * restricted address, the redacted doc everybody may see, never the address (visibility.ts).
 */
import { z } from 'zod';
import { normalizeText } from './normalize';
import type { Posting, SearchDoc, SearchIndex } from './searchIndex';
import { createSearchIndex, docSignature, docTerms, newScratch } from './searchIndex';

/** Bump when tokenising, weights or the stored shape change: an older index is rebuilt. */
export const INDEX_FORMAT = 1;

export const storedIndexSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  /** Doc id per slot, null for a free slot. */
  ids: z.array(z.string().min(1).nullable()),
  signature: z.array(z.string()),
  sortKey: z.array(z.string()),
  firstWord: z.array(z.string()),
  /** Live slots in name order. */
  order: z.instanceof(Int32Array),
  /** Sorted, unique; posting t is docs/ws[offsets[t] .. offsets[t + 1]). */
  tokens: z.array(z.string()),
  offsets: z.instanceof(Uint32Array),
  docs: z.instanceof(Uint32Array),
  ws: z.instanceof(Uint8Array),
});
export type StoredIndex = z.infer<typeof storedIndexSchema>;

/** The index as stored, with `overrides` (by doc id) in place of the docs it holds for them. */
export const serializeIndex = (
  index: SearchIndex,
  overrides: ReadonlyMap<string, SearchDoc> = new Map(),
): StoredIndex => {
  const n = index.ids.length;
  const replaced = new Uint8Array(n);
  const signature = index.signature.slice(0, n);
  const added = new Map<string, Posting>();
  for (const [id, doc] of overrides) {
    const slot = index.slotOf.get(id);
    if (slot === undefined) continue;
    // The name decides the slot's place in the order: an override may only change the rest.
    if (`${normalizeText(doc.name)}\u0000${doc.id}` !== index.sortKey[slot])
      throw new Error('override changes the name');
    replaced[slot] = 1;
    signature[slot] = docSignature(doc);
    for (const [token, w] of docTerms(doc)) {
      let p = added.get(token);
      if (!p) added.set(token, (p = { docs: [], ws: [] }));
      p.docs.push(slot);
      p.ws.push(w);
    }
  }
  const entries: [string, Posting | undefined, Posting | undefined][] = [];
  const seen = new Map<string, number>();
  const take = (tokens: readonly string[], postings: readonly Posting[]) =>
    tokens.forEach((t, i) => {
      seen.set(t, entries.length);
      entries.push([t, postings[i], undefined]);
    });
  take(index.tokens, index.postings);
  take(index.extraTokens, index.extraPostings);
  for (const [t, p] of added) {
    const at = seen.get(t);
    if (at === undefined) entries.push([t, undefined, p]);
    else entries[at]![2] = p;
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let size = 0;
  for (const [, p, q] of entries) size += (p?.docs.length ?? 0) + (q?.docs.length ?? 0);
  const docs = new Uint32Array(size);
  const ws = new Uint8Array(size);
  const tokens: string[] = [];
  const offsets: number[] = [0];
  let k = 0;
  for (const [t, p, q] of entries) {
    const start = k;
    if (p)
      for (let j = 0; j < p.docs.length; j++) {
        if (replaced[p.docs[j]!]) continue;
        docs[k] = p.docs[j]!;
        ws[k++] = p.ws[j]!;
      }
    if (q)
      for (let j = 0; j < q.docs.length; j++) {
        docs[k] = q.docs[j]!;
        ws[k++] = q.ws[j]!;
      }
    if (k === start) continue; // an emptied posting is not kept
    tokens.push(t);
    offsets.push(k);
  }
  return {
    format: INDEX_FORMAT,
    ids: index.ids.map((id) => id ?? null),
    signature: signature.map((s, slot) => (index.ids[slot] === undefined ? '' : s)),
    sortKey: index.sortKey.slice(0, n).map((s, slot) => (index.ids[slot] === undefined ? '' : s)),
    firstWord: index.firstWord
      .slice(0, n)
      .map((s, slot) => (index.ids[slot] === undefined ? '' : s)),
    order: Int32Array.from(index.order),
    tokens,
    offsets: Uint32Array.from(offsets),
    docs: docs.slice(0, k),
    ws: ws.slice(0, k),
  };
};

const fail = (why: string): never => {
  throw new Error(`stored search index: ${why}`);
};

/** The live index from its stored form; throws when anything in it does not hold together. */
export const restoreIndex = (raw: unknown): SearchIndex => {
  const s = storedIndexSchema.parse(raw);
  const n = s.ids.length;
  if (s.signature.length !== n || s.sortKey.length !== n || s.firstWord.length !== n)
    fail('slot arrays differ in length');
  if (s.offsets.length !== s.tokens.length + 1 || s.offsets[0] !== 0) fail('offsets');
  if (s.offsets[s.tokens.length] !== s.docs.length || s.ws.length !== s.docs.length)
    fail('postings length');
  const index = createSearchIndex();
  for (let slot = 0; slot < n; slot++) {
    const id = s.ids[slot];
    if (id === null || id === undefined) {
      index.ids.push(undefined);
      index.free.push(slot);
    } else {
      if (index.slotOf.has(id)) fail('duplicate id');
      index.slotOf.set(id, slot);
      index.ids.push(id);
    }
  }
  // Free slots are reused last-freed first; any order is valid.
  index.free.reverse();
  index.signature = s.signature.slice();
  index.sortKey = s.sortKey.slice();
  index.firstWord = s.firstWord.slice();
  const docTokens: string[][] = Array.from({ length: n }, () => []);
  const docWeights: number[][] = Array.from({ length: n }, () => []);
  const postings: Posting[] = [];
  for (let t = 0; t < s.tokens.length; t++) {
    const token = s.tokens[t]!;
    if (t > 0 && !(s.tokens[t - 1]! < token)) fail('tokens not sorted');
    const from = s.offsets[t]!;
    const to = s.offsets[t + 1]!;
    if (to <= from) fail('empty posting');
    const docs: number[] = new Array<number>(to - from);
    const ws: number[] = new Array<number>(to - from);
    for (let j = from; j < to; j++) {
      const d = s.docs[j]!;
      if (d >= n || s.ids[d] === null) fail('posting to a free slot');
      docs[j - from] = d;
      ws[j - from] = s.ws[j]!;
      docTokens[d]!.push(token);
      docWeights[d]!.push(s.ws[j]!);
    }
    postings.push({ docs, ws });
  }
  // The name order: every live slot once, sorted by its key.
  if (s.order.length !== index.slotOf.size) fail('order length');
  const placed = new Uint8Array(n);
  let previous: string | undefined;
  for (const slot of s.order) {
    if (slot < 0 || slot >= n || s.ids[slot] === null || placed[slot]) fail('order slots');
    placed[slot] = 1;
    const key = s.sortKey[slot]!;
    if (previous !== undefined && !(previous < key)) fail('order not sorted');
    previous = key;
  }
  for (const [id, slot] of index.slotOf) {
    if (!s.sortKey[slot]!.endsWith(`\u0000${id}`)) fail('sort key of another doc');
  }
  index.tokens = s.tokens.slice();
  index.postings = postings;
  index.docTokens = docTokens;
  index.docWeights = docWeights;
  index.order = Array.from(s.order);
  index.rankDirty = true;
  index.scratch = newScratch(Math.max(16, n * 1.25) | 0);
  return index;
};
