import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, fromBase64, toBase64 } from './codec';
import { addRange, coveredBy, bundleFileName, BUNDLE_FILE_PATTERN } from './bundle';
import { differingFields, displayValue } from './diff';
import { formatFingerprint } from './identity';

describe('codec', () => {
  it('base64 round-trips any bytes and refuses what is not canonical base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        expect(fromBase64(toBase64(b))).toEqual(b);
      }),
    );
    expect(toBase64(new Uint8Array([0xfb, 0xff]))).toBe('+/8=');
    expect(() => fromBase64('abc')).toThrow();
    expect(() => fromBase64('ab$=')).toThrow();
  });

  it('canonical JSON does not depend on key order and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: undefined } })).toBe(
      '{"a":{"d":[1,"x"]},"b":1}',
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (o) => {
        const reversed = Object.fromEntries(Object.entries(o).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(o));
      }),
    );
  });
});

describe('ranges', () => {
  it('merges applied ranges and tells a replay from a new range', () => {
    const r = addRange(addRange([], [0, 10]), [10, 20]);
    expect(r).toEqual([[0, 20]]);
    expect(coveredBy(r, [5, 15])).toBe(true);
    expect(coveredBy(r, [15, 25])).toBe(false);
    expect(addRange(r, [30, 40])).toEqual([
      [0, 20],
      [30, 40],
    ]);
  });

  it('names files one writer per file, sortable by range', () => {
    const name = bundleFileName({
      office: 'BKO',
      key: 'ab12cd34'.padEnd(32, '0'),
      from: 0,
      to: 42,
    });
    expect(name).toBe('BKO/000000000000-000000000042_ab12cd34.pbundle');
    expect(BUNDLE_FILE_PATTERN.test(name)).toBe(true);
  });
});

describe('conflict display', () => {
  it('lists the fields that differ and shows values as people read them', () => {
    expect(
      differingFields([
        { a: 1, b: [1] },
        { a: 1, b: [2], c: 'x' },
      ]),
    ).toEqual(['b', 'c']);
    expect([
      displayValue(''),
      displayValue([]),
      displayValue(['fr', 'bm']),
      displayValue(true),
    ]).toEqual(['—', '—', 'fr, bm', 'true']);
    expect(formatFingerprint('0123456789abcdef0123456789abcdef')).toBe('0123 4567 89AB CDEF');
  });
});
