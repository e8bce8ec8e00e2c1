import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize } from './normalize';
import type { SearchDoc } from './search';
import { buildSearchIndex, linearScan, prepareLinearScan, searchIndex } from './search';

const docs: SearchDoc[] = [
  {
    id: 'a',
    name: 'Centre de santé de Ségou',
    organization: 'Ministère de la Santé',
    locality: 'Ségou',
    phones: ['+223 21 32 00 11'],
  },
  {
    id: 'b',
    name: 'Refuge Espoir',
    organization: 'ONG Espoir',
    locality: 'Bamako',
    labels: 'Hébergement',
    phones: ['+223 76 12 34 56'],
  },
  {
    id: 'c',
    name: 'Clinique juridique',
    organization: 'Association des juristes',
    locality: 'Sikasso',
    description: 'Aide juridique gratuite à Ségou aussi',
  },
  { id: 'd', name: 'Segou Hotline', locality: 'Mopti', phones: ['80 00 11 22'] },
];

describe('normalizeText', () => {
  it('folds accents, case and ligatures', () => {
    expect(normalizeText('Ségou')).toBe('segou');
    expect(normalizeText('SANTÉ')).toBe('sante');
    expect(normalizeText('Œuvre  d’Entraide')).toBe('oeuvre d entraide');
    expect(tokenize("Centre d'accueil N°2")).toEqual(['centre', 'd', 'accueil', 'n', '2']);
  });
  it('drops Arabic harakat so vocalised and plain spellings match', () => {
    expect(normalizeText('مَأْوَى')).toBe(normalizeText('مأوى'));
  });
});

describe('searchIndex', () => {
  const index = buildSearchIndex(docs);
  const ids = (q: string) => searchIndex(index, q).hits.map((h) => h.id);

  it('matches unaccented fragments of accented words, any case', () => {
    expect(ids('segou')).toContain('a');
    expect(ids('SANTE')).toEqual(['a']);
    expect(ids('sant')).toEqual(['a']);
  });
  it('ranks a name match above a description match', () => {
    const r = ids('segou');
    expect(r.indexOf('a')).toBeLessThan(r.indexOf('c'));
    expect(r[0]).toBe('d'); // name starts with the word
  });
  it('requires every word (AND) and searches organisation and locality', () => {
    expect(ids('espoir bamako')).toEqual(['b']);
    expect(ids('espoir sikasso')).toEqual([]);
    expect(ids('juristes')).toEqual(['c']);
  });
  it('finds phone numbers by any typed part', () => {
    expect(ids('76 12')).toEqual(['b']);
    expect(ids('7612')).toEqual(['b']);
    expect(ids('+223 76 12 34 56')).toEqual(['b']);
    expect(ids('80001122')).toEqual(['d']);
  });
  it('searches translated labels', () => {
    expect(ids('hebergement')).toEqual(['b']);
  });
  it('honours the filter mask and counts all matches', () => {
    const allowed = Uint8Array.from([0, 1, 1, 1]);
    expect(searchIndex(index, 'segou', { allowed }).hits.map((h) => h.id)).toEqual(['d', 'c']);
    expect(searchIndex(index, '', { allowed, limit: 1 })).toMatchObject({ total: 3 });
  });
  it('lists everything by name for an empty query', () => {
    expect(ids('')).toEqual(['a', 'c', 'b', 'd']);
  });

  it('returns exactly the docs where every query word prefixes some word (property)', () => {
    const word = fc.constantFrom(
      'sante',
      'segou',
      'centre',
      'bamako',
      'refuge',
      'aide',
      'mopti',
      'kayes',
      'eau',
    );
    const doc = fc.record({
      id: fc.uuid(),
      name: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
      locality: fc.array(word, { maxLength: 2 }).map((w) => w.join(' ')),
    });
    fc.assert(
      fc.property(
        fc.array(doc, { maxLength: 30 }),
        fc.array(fc.string({ maxLength: 4 }).map(normalizeText), { maxLength: 3 }),
        (ds, prefixes) => {
          const q = prefixes.filter((p) => /^[a-z]+$/.test(p)).join(' ');
          const index = buildSearchIndex(ds);
          const got = new Set(searchIndex(index, q, { limit: 1000 }).hits.map((h) => h.index));
          const words = tokenize(q);
          ds.forEach((d, i) => {
            const tokens = [...tokenize(d.name), ...tokenize(d.locality)];
            const expected = words.every((w) => tokens.some((t) => t.startsWith(w)));
            expect(got.has(i)).toBe(expected);
          });
          // Repeated queries reuse scratch buffers: the answer must not change.
          expect(searchIndex(index, q, { limit: 1000 }).hits.length).toBe(got.size);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('linearScan (the benchmark baseline)', () => {
  it('finds substrings of pre-normalised text', () => {
    const hay = prepareLinearScan(docs);
    expect(linearScan(hay, 'segou').map((i) => docs[i]!.id)).toEqual(['a', 'c', 'd']);
  });
});
