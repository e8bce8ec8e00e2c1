import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchDoc, SearchIndex } from './search';
import {
  applySearchChanges,
  buildSearchIndex,
  chunkedSearchIndex,
  createSearchIndex,
  searchIndex,
} from './search';
import { runInSlices } from '../steps';
import type { StoredIndex } from './searchIndexStore';
import {
  restoreIndex,
  restoreIndexSteps,
  serializeIndex,
  serializeIndexSteps,
} from './searchIndexStore';

const WORDS = ['sante', 'segou', 'centre', 'bamako', 'refuge', 'aide', 'mopti', 'seg', 'é', 'x1'];
const QUERIES = ['', 'se', 'segou', 'seg', 'centre seg', 'a', 'refuge bamako', 'x', '76', 'zz'];
QUERIES.push('abrigo', 'foyer segou', 'fille sante', 'kalaban', 'secret');

const text = (max: number) =>
  fc.array(fc.constantFrom(...WORDS), { maxLength: max }).map((w) => w.join(' '));
const IDS = Array.from({ length: 12 }, (_, i) => `id-${i}`);
const docArb = fc.record({
  id: fc.constantFrom(...IDS),
  name: text(3),
  locality: text(2),
  labels: text(2),
  groups: fc.subarray(['category.shelter', 'category.medical', 'population.girls']),
  phones: fc.array(fc.constantFrom('+223 76 12 34 56', '20 22 11 00', '76 00'), {
    maxLength: 2,
  }),
});
type Op = { kind: 'put'; docs: SearchDoc[] } | { kind: 'remove'; ids: string[] };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), docs: fc.array(docArb, { maxLength: 3 }) }),
  fc.record({
    kind: fc.constant('put' as const),
    docs: fc.array(docArb, { minLength: 33, maxLength: 40 }),
  }),
  fc.record({
    kind: fc.constant('remove' as const),
    ids: fc.array(fc.constantFrom(...IDS), { maxLength: 3 }),
  }),
);

/** Applies ops to `index` and to a map of the docs it should hold. */
const play = (index: SearchIndex, docs: Map<string, SearchDoc>, ops: readonly Op[]) => {
  for (const op of ops) {
    if (op.kind === 'put') {
      applySearchChanges(index, op.docs);
      for (const d of op.docs) docs.set(d.id, d);
    } else {
      applySearchChanges(index, [], op.ids);
      for (const id of op.ids) docs.delete(id);
    }
  }
};

const answers = (index: SearchIndex) =>
  QUERIES.map((q) => {
    const r = searchIndex(index, q, { limit: 1000 });
    return { q, total: r.total, hits: r.hits.map((h) => [h.id, h.score]) };
  });

/** Through IndexedDB's structured clone, as it is stored. */
const roundTrip = (index: SearchIndex, overrides?: Map<string, SearchDoc>) =>
  restoreIndex(structuredClone(serializeIndex(index, overrides)));

describe('persisted search index', () => {
  it('restored, answers like the live index and a fresh build, and keeps updating like them (property)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 10 }), fc.array(opArb, { maxLength: 6 }), (a, b) => {
        const live = createSearchIndex();
        const docs = new Map<string, SearchDoc>();
        play(live, docs, a);
        const restored = roundTrip(live);
        expect(answers(restored)).toEqual(answers(live));
        expect(answers(restored)).toEqual(answers(buildSearchIndex([...docs.values()])));
        // Edits after a restart go to the restored index in place.
        play(restored, docs, b);
        expect(answers(restored)).toEqual(answers(buildSearchIndex([...docs.values()])));
      }),
      { numRuns: 60 },
    );
  });

  it('stores the doc everybody may see in place of a restricted one (overrides), and nothing of it', () => {
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 20 }), fc.nat(), (list, pick) => {
        const docs = new Map(list.map((d) => [d.id, d]));
        const all = [...docs.values()];
        const target = all[pick % all.length]!;
        // What an administrator's index holds: the restricted address in the locality.
        const secret = { ...target, locality: `${target.locality} secret kalaban` };
        const live = buildSearchIndex(all.map((d) => (d.id === target.id ? secret : d)));
        const stored = serializeIndex(live, new Map([[target.id, target]]));
        expect(stored.tokens).not.toContain('kalaban');
        expect(stored.tokens).not.toContain('secret');
        expect(answers(restoreIndex(stored))).toEqual(answers(buildSearchIndex(all)));
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a stored index that does not hold together (the caller rebuilds)', () => {
    const docs: SearchDoc[] = [
      { id: 'a', name: 'Centre santé Ségou' },
      { id: 'b', name: 'Refuge Bamako', locality: 'Kati' },
    ];
    const good = serializeIndex(buildSearchIndex(docs));
    const packed = (xs: string[]) => {
      let end = 0;
      return { text: xs.join(''), ends: Uint32Array.from(xs, (x) => (end += x.length)) };
    };
    const bad: unknown[] = [
      { ...good, format: 1 },
      { ...good, ids: packed(['a', 'a']) },
      { ...good, ids: ['a', 'b'] },
      { ...good, ids: { text: 'ab', ends: Uint32Array.from([1, 3]) } },
      { ...good, ids: { text: 'ab', ends: Uint32Array.from([2, 1]) } },
      { ...good, ids: { text: 'abc', ends: Uint32Array.from([1, 2]) } },
      { ...good, order: Int32Array.from([1, 0]) },
      { ...good, order: Int32Array.from([0]) },
      { ...good, offsets: good.offsets.map((o, i) => (i === 1 ? o + 99 : o)) },
      { ...good, docs: good.docs.map(() => 7) },
      { ...good, tokens: packed([...restoreIndex(good).tokens].reverse()) },
      { ...good, ids: packed(['b', 'a']) },
      { ...good, signature: packed(['x']) },
      { ...good, docs: Array.from(good.docs) },
      null,
    ];
    expect(() => restoreIndex(good)).not.toThrow();
    for (const b of bad) expect(() => restoreIndex(b)).toThrow();
  });

  it('a stale stored index, adopted, is corrected doc by doc before it is ready (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(docArb, { maxLength: 20 }),
        fc.array(docArb, { maxLength: 20 }),
        async (before, after) => {
          const latest = (list: SearchDoc[]) => [...new Map(list.map((d) => [d.id, d])).values()];
          const stale = roundTrip(buildSearchIndex(latest(before)));
          const live = chunkedSearchIndex(3);
          live.adopt(stale, 'fr');
          expect(live.ready).toBe(false);
          const now = latest(after);
          const done = await live.follow(
            now,
            (d) => d,
            'fr',
            async () => {},
          );
          expect(done).toBe(true);
          expect(live.ready).toBe(true);
          expect(answers(live.index)).toEqual(answers(buildSearchIndex(now)));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('stored search index, in steps', () => {
  const many = (n: number): SearchDoc[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `svc-${i}`,
      name: `Centre ${WORDS[i % WORDS.length]} ${i}`,
      locality: WORDS[(i * 7) % WORDS.length],
      phones: [`+223 76 ${String(i).padStart(6, '0')}`],
    }));

  it('saves and restores a large index in many small steps, equal to doing it at once', async () => {
    const index = buildSearchIndex(many(20_000));
    const at = serializeIndexSteps(index);
    let steps = 0;
    let sliced: StoredIndex | undefined;
    for (;;) {
      const next = at.next();
      if (next.done) {
        sliced = next.value;
        break;
      }
      steps++;
    }
    expect(steps).toBeGreaterThan(20);
    expect(sliced).toEqual(serializeIndex(index));
    // Paused at every step, as the window does when a slice has run out of time.
    let pauses = 0;
    const restored = await runInSlices(
      restoreIndexSteps(structuredClone(sliced)),
      async () => void pauses++,
      0,
    );
    expect(pauses).toBeGreaterThan(20);
    expect(answers(restored)).toEqual(answers(index));
  });

  it('stores each list of strings as one string and its ends (one cheap clone)', () => {
    const stored = serializeIndex(buildSearchIndex(many(50)));
    for (const key of ['ids', 'signature', 'sortKey', 'firstWord', 'tokens'] as const) {
      expect(typeof stored[key].text).toBe('string');
      expect(stored[key].ends).toBeInstanceOf(Uint32Array);
    }
    expect(stored.ids.ends.length).toBe(50);
  });
});
