import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchDoc, SearchIndex } from './search';
import {
  applySearchChanges,
  buildSearchIndex,
  chunkedSearchIndex,
  createSearchIndex,
  searchIndex,
  syncSearchIndex,
} from './search';

const WORDS = ['sante', 'segou', 'centre', 'bamako', 'refuge', 'aide', 'mopti', 'seg', 'é', 'x1'];
const QUERIES = ['', 'se', 'segou', 'seg', 'centre seg', 'a', 'refuge bamako', 'x', '76', 'zz'];
QUERIES.push('abrigo', 'foyer segou', 'fille sante', 'مأوى');

const text = (max: number) =>
  fc.array(fc.constantFrom(...WORDS), { maxLength: max }).map((w) => w.join(' '));
const docArb = (ids: readonly string[]) =>
  fc.record({
    id: fc.constantFrom(...ids),
    name: text(3),
    locality: text(2),
    labels: text(2),
    groups: fc.subarray(['category.shelter', 'category.medical', 'population.girls']),
    phones: fc.array(fc.constantFrom('+223 76 12 34 56', '20 22 11 00', '76 00'), {
      maxLength: 2,
    }),
  });
type Op = { kind: 'put'; docs: SearchDoc[] } | { kind: 'remove'; ids: string[] };
const IDS = Array.from({ length: 12 }, (_, i) => `id-${i}`);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), docs: fc.array(docArb(IDS), { maxLength: 3 }) }),
  // A batch large enough to take the merge path rather than the splice path.
  fc.record({
    kind: fc.constant('put' as const),
    docs: fc.array(docArb(IDS), { minLength: 33, maxLength: 40 }),
  }),
  fc.record({
    kind: fc.constant('remove' as const),
    ids: fc.array(fc.constantFrom(...IDS), { maxLength: 3 }),
  }),
);

/** What a query answers, independent of slots: ids in rank order, scores, total. */
const answer = (index: SearchIndex, q: string, keep?: (id: string) => boolean) => {
  let allowed: Uint8Array | undefined;
  if (keep) {
    allowed = new Uint8Array(index.ids.length);
    for (const [id, slot] of index.slotOf) allowed[slot] = keep(id) ? 1 : 0;
  }
  const r = searchIndex(index, q, { limit: 1000, allowed });
  return { total: r.total, hits: r.hits.map((h) => [h.id, h.score]) };
};

describe('incremental search index', () => {
  it('answers every query like a freshly built index after any add/change/remove (property)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 12 }), (ops) => {
        const live = createSearchIndex();
        const current = new Map<string, SearchDoc>();
        for (const op of ops) {
          if (op.kind === 'put') {
            applySearchChanges(live, op.docs);
            for (const d of op.docs) current.set(d.id, d);
          } else {
            applySearchChanges(live, [], op.ids);
            for (const id of op.ids) current.delete(id);
          }
        }
        const fresh = buildSearchIndex([...current.values()]);
        const odd = (id: string) => Number(id.slice(3)) % 2 === 1;
        for (const q of QUERIES) {
          expect(answer(live, q)).toEqual(answer(fresh, q));
          expect(answer(live, q, odd)).toEqual(answer(fresh, q, odd));
        }
        expect(live.slotOf.size).toBe(current.size);
      }),
      { numRuns: 300 },
    );
  });

  it('sync applies only what changed and forgets what is gone', () => {
    const a: SearchDoc = { id: 'a', name: 'Refuge Espoir', locality: 'Ségou' };
    const b: SearchDoc = { id: 'b', name: 'Centre de santé', locality: 'Bamako' };
    const index = buildSearchIndex([a, b]);
    expect(syncSearchIndex(index, [a, b])).toBe(0);
    expect(syncSearchIndex(index, [{ ...a, locality: 'Mopti' }])).toBe(2);
    expect(searchIndex(index, 'segou').total).toBe(0);
    expect(searchIndex(index, 'mopti').hits.map((h) => h.id)).toEqual(['a']);
    expect(searchIndex(index, 'centre').total).toBe(0);
  });

  it('reuses a removed doc slot without leaking its old words', () => {
    const index = buildSearchIndex([{ id: 'a', name: 'Kayes' }]);
    applySearchChanges(index, [{ id: 'b', name: 'Gao' }], ['a']);
    expect(index.slotOf.get('b')).toBe(0);
    expect(searchIndex(index, 'kayes').total).toBe(0);
    expect(searchIndex(index, 'gao').hits.map((h) => h.id)).toEqual(['b']);
  });
});

describe('chunked search index', () => {
  const docs = Array.from({ length: 25 }, (_, i) => ({
    id: `s${i}`,
    name: `Refuge ${i % 2 ? 'Ségou' : 'Mopti'} ${i}`,
  }));
  const ids = (index: SearchIndex, q: string) =>
    searchIndex(index, q, { limit: 100 }).hits.map((h) => h.id);

  it('indexes in chunks with pauses, then answers like a fresh build', async () => {
    const live = chunkedSearchIndex(4);
    let pauses = 0;
    const done = await live.follow(
      docs,
      (d) => d,
      'fr',
      async () => void pauses++,
    );
    expect(done).toBe(true);
    expect(live.ready).toBe(true);
    expect(pauses).toBeGreaterThan(6);
    expect(ids(live.index, 'segou')).toEqual(ids(buildSearchIndex(docs), 'segou'));
  });

  it('stops an older pass when a newer one starts, and a new key rebuilds', async () => {
    const live = chunkedSearchIndex(4);
    let release: () => void = () => {};
    const first = live.follow(
      docs,
      (d) => d,
      'fr',
      () => new Promise((r) => (release = r)),
    );
    const second = live.follow(
      docs.slice(0, 3),
      (d) => d,
      'fr',
      async () => {},
    );
    release();
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(live.index.slotOf.size).toBe(3);
    await live.follow(
      docs,
      (d) => ({ ...d, name: 'x' }),
      'en',
      async () => {},
    );
    expect(ids(live.index, 'refuge')).toEqual([]);
    expect(live.index.slotOf.size).toBe(25);
  });
});
