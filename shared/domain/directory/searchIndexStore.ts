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
import { runToEnd, type Steps } from '../steps';
import { createSearchIndex, docSignature, docTerms, newScratch } from './searchIndex';
import { cmpKey, lowerBound } from './searchIndexMerge';

/**
 * Bump when tokenising, weights or the stored shape change: an older index is rebuilt.
 * 2: every list of strings packed into one string and its ends, which IndexedDB clones at the
 * speed of a copy (50k small strings took as long to clone as to serialise).
 */
export const INDEX_FORMAT = 2;

/** Strings end to end in `text`; string i is text[ends[i - 1] .. ends[i]). */
const packedSchema = z.object({ text: z.string(), ends: z.instanceof(Uint32Array) });
type Packed = z.infer<typeof packedSchema>;

export const storedIndexSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  /** Doc id per slot, empty for a free slot. */
  ids: packedSchema,
  signature: packedSchema,
  sortKey: packedSchema,
  firstWord: packedSchema,
  /** Live slots in name order. */
  order: z.instanceof(Int32Array),
  /** Sorted, unique; posting t is docs/ws[offsets[t] .. offsets[t + 1]). */
  tokens: packedSchema,
  offsets: z.instanceof(Uint32Array),
  docs: z.instanceof(Uint32Array),
  ws: z.instanceof(Uint8Array),
});
export type StoredIndex = z.infer<typeof storedIndexSchema>;

/** Work between two yields of the steps below (a yield costs a clock read in the caller). */
const STEP = 4096;

function* pack(strings: readonly string[]): Steps<Packed> {
  const ends = new Uint32Array(strings.length);
  let end = 0;
  for (let i = 0; i < strings.length; i++) {
    end += strings[i]!.length;
    ends[i] = end;
    if (i % STEP === STEP - 1) yield;
  }
  return { text: strings.join(''), ends };
}

function* unpack(p: Packed): Steps<string[]> {
  const out = new Array<string>(p.ends.length);
  let start = 0;
  for (let i = 0; i < p.ends.length; i++) {
    const end = p.ends[i]!;
    if (end < start || end > p.text.length) fail('packed strings');
    out[i] = p.text.slice(start, end);
    start = end;
    if (i % STEP === STEP - 1) yield;
  }
  if (start !== p.text.length) fail('packed strings');
  return out;
}

type Entry = { token: string; kept?: Posting; added?: Posting };

/**
 * Every token of the index with its posting and any override's, in token order: the main and
 * side token arrays are each sorted already, so they are merged, not sorted again.
 */
function* tokenEntries(index: SearchIndex, added: ReadonlyMap<string, Posting>): Steps<Entry[]> {
  const spare = [...added.keys()].filter((t) => !has(index, t)).sort(cmpKey);
  const lists = [
    { tokens: index.tokens, postings: index.postings as readonly (Posting | undefined)[] },
    { tokens: index.extraTokens, postings: index.extraPostings },
    { tokens: spare, postings: [] },
  ];
  const at = [0, 0, 0];
  const out: Entry[] = [];
  for (let n = 1; ; n++) {
    let best = -1;
    for (let l = 0; l < lists.length; l++) {
      const t = lists[l]!.tokens[at[l]!];
      if (t !== undefined && (best < 0 || t < lists[best]!.tokens[at[best]!]!)) best = l;
    }
    if (best < 0) return out;
    const i = at[best]!++;
    const token = lists[best]!.tokens[i]!;
    out.push({ token, kept: lists[best]!.postings[i], added: added.get(token) });
    if (n % STEP === 0) yield;
  }
}

const holds = (tokens: readonly string[], t: string) => tokens[lowerBound(tokens, t)] === t;
const has = (index: SearchIndex, t: string) =>
  holds(index.tokens, t) || holds(index.extraTokens, t);

/**
 * The index as stored, with `overrides` (by doc id) in place of the docs it holds for them, in
 * steps (steps.ts) so the window can save it between keystrokes.
 */
export function* serializeIndexSteps(
  index: SearchIndex,
  overrides: ReadonlyMap<string, SearchDoc> = new Map(),
): Steps<StoredIndex> {
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
  yield;
  const entries = yield* tokenEntries(index, added);
  let size = 0;
  for (const { kept, added: q } of entries)
    size += (kept?.docs.length ?? 0) + (q?.docs.length ?? 0);
  const docs = new Uint32Array(size);
  const ws = new Uint8Array(size);
  const tokens: string[] = [];
  const offsets: number[] = [0];
  let k = 0;
  for (let e = 0; e < entries.length; e++) {
    const { token, kept: p, added: q } = entries[e]!;
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
    if (e % STEP === STEP - 1) yield;
    if (k === start) continue; // an emptied posting is not kept
    tokens.push(token);
    offsets.push(k);
  }
  const live = (strings: readonly string[]) =>
    strings.slice(0, n).map((s, slot) => (index.ids[slot] === undefined ? '' : s));
  return {
    format: INDEX_FORMAT,
    ids: yield* pack(index.ids.map((id) => id ?? '')),
    signature: yield* pack(live(signature)),
    sortKey: yield* pack(live(index.sortKey)),
    firstWord: yield* pack(live(index.firstWord)),
    order: Int32Array.from(index.order),
    tokens: yield* pack(tokens),
    offsets: Uint32Array.from(offsets),
    docs: docs.slice(0, k),
    ws: ws.slice(0, k),
  };
}

/** The index as stored, at once (serializeIndexSteps). */
export const serializeIndex = (
  index: SearchIndex,
  overrides: ReadonlyMap<string, SearchDoc> = new Map(),
): StoredIndex => runToEnd(serializeIndexSteps(index, overrides));

const fail = (why: string): never => {
  throw new Error(`stored search index: ${why}`);
};

/**
 * The live index from its stored form, in steps (steps.ts); throws when anything in it does not
 * hold together.
 */
export function* restoreIndexSteps(raw: unknown): Steps<SearchIndex> {
  const stored = storedIndexSchema.parse(raw);
  const ids = yield* unpack(stored.ids);
  const signature = yield* unpack(stored.signature);
  const sortKey = yield* unpack(stored.sortKey);
  const firstWord = yield* unpack(stored.firstWord);
  const tokens = yield* unpack(stored.tokens);
  const { offsets, docs: allDocs, ws: allWs, order } = stored;
  const n = ids.length;
  if (signature.length !== n || sortKey.length !== n || firstWord.length !== n)
    fail('slot arrays differ in length');
  if (offsets.length !== tokens.length + 1 || offsets[0] !== 0) fail('offsets');
  if (offsets[tokens.length] !== allDocs.length || allWs.length !== allDocs.length)
    fail('postings length');
  const index = createSearchIndex();
  for (let slot = 0; slot < n; slot++) {
    const id = ids[slot]!;
    if (id === '') {
      index.ids.push(undefined);
      index.free.push(slot);
    } else {
      if (index.slotOf.has(id)) fail('duplicate id');
      index.slotOf.set(id, slot);
      index.ids.push(id);
    }
    if (slot % STEP === STEP - 1) yield;
  }
  // Free slots are reused last-freed first; any order is valid.
  index.free.reverse();
  index.signature = signature;
  index.sortKey = sortKey;
  index.firstWord = firstWord;
  const docTokens: string[][] = Array.from({ length: n }, () => []);
  const docWeights: number[][] = Array.from({ length: n }, () => []);
  const postings: Posting[] = [];
  let done = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (t > 0 && !(tokens[t - 1]! < token)) fail('tokens not sorted');
    const from = offsets[t]!;
    const to = offsets[t + 1]!;
    if (to <= from) fail('empty posting');
    const docs: number[] = new Array<number>(to - from);
    const ws: number[] = new Array<number>(to - from);
    for (let j = from; j < to; j++) {
      const d = allDocs[j]!;
      if (d >= n || index.ids[d] === undefined) fail('posting to a free slot');
      docs[j - from] = d;
      ws[j - from] = allWs[j]!;
      docTokens[d]!.push(token);
      docWeights[d]!.push(allWs[j]!);
    }
    postings.push({ docs, ws });
    done += to - from + 1;
    if (done > STEP * 4) {
      done = 0;
      yield;
    }
  }
  // The name order: every live slot once, sorted by its key.
  if (order.length !== index.slotOf.size) fail('order length');
  const placed = new Uint8Array(n);
  let previous: string | undefined;
  for (let i = 0; i < order.length; i++) {
    const slot = order[i]!;
    if (slot < 0 || slot >= n || index.ids[slot] === undefined || placed[slot]) fail('order slots');
    placed[slot] = 1;
    const key = sortKey[slot]!;
    if (previous !== undefined && !(previous < key)) fail('order not sorted');
    previous = key;
    if (i % STEP === STEP - 1) yield;
  }
  for (const [id, slot] of index.slotOf) {
    if (!sortKey[slot]!.endsWith(`\u0000${id}`)) fail('sort key of another doc');
  }
  index.tokens = tokens;
  index.postings = postings;
  index.docTokens = docTokens;
  index.docWeights = docWeights;
  index.order = Array.from(order);
  index.rankDirty = true;
  index.scratch = newScratch(Math.max(16, n * 1.25) | 0);
  return index;
}

/** The live index from its stored form, at once (restoreIndexSteps). */
export const restoreIndex = (raw: unknown): SearchIndex => runToEnd(restoreIndexSteps(raw));
