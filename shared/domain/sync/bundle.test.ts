/**
 * A bundle body written a batch at a time (as the export's worker writes it) is the same JSON
 * list as written at once, and reads back through the import's capped inflate.
 */
import { describe, expect, it } from 'vitest';
import { bodyEncoder, decodeBundleBody, encodeBody } from './bundle';
import { fromUtf8 } from './codec';
import { inflateSync } from 'fflate';

const docs = Array.from({ length: 1234 }, (_, i) => ({
  _id: `organizations:BKO:${i}`,
  _rev: `1-${'a'.repeat(32)}`,
  record: { name: i % 7 ? `Association ${i}` : 'جمعية الأمل — Ségou', n: i, none: null },
}));

describe('bundle body', () => {
  it('written in batches, is the list JSON.stringify writes, and decodes to the documents', () => {
    const encoder = bodyEncoder();
    let at = 0;
    for (const size of [1, 250, 0, 983]) {
      encoder.push(docs.slice(at, at + size));
      at += size;
    }
    const body = encoder.end();
    expect(fromUtf8(inflateSync(body))).toBe(JSON.stringify(docs));
    expect(decodeBundleBody(body)).toEqual(docs);
    expect(decodeBundleBody(encodeBody(docs))).toEqual(docs);
  });

  it('of no document is an empty list', () => {
    expect(decodeBundleBody(bodyEncoder().end())).toEqual([]);
    expect(fromUtf8(inflateSync(encodeBody([])))).toBe('[]');
  });
});
