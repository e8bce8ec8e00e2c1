/**
 * Attack (issue 13, item 10): a trusted partner signs a bundle whose body is a deflate bomb — a
 * few hundred kilobytes that inflate to gigabytes — to exhaust the receiving PC's memory.
 * Inflation is counted as it goes and stops at the cap; nothing of the bundle is applied.
 */
import { describe, expect, it } from 'vitest';
import { Deflate } from 'fflate';
import {
  BUNDLE_MAGIC,
  MAX_INFLATED_BYTES,
  MAX_INFLATE_RATIO,
  inflateCapped,
} from '../../../shared/domain/sync/bundle';
import { concatBytes, utf8 } from '../../../shared/domain/sync/codec';
import { signBytes } from '../../../renderer/data/sync/signing';
import { makeReplica, pouchState, trustAll } from '../sync/kit';
import { refusals } from './hostile';

/** `[` then spaces: valid JSON all the way, so only the size can stop it. */
const bomb = (inflated: number): Uint8Array => {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 1 }, (chunk) => void parts.push(chunk));
  const step = new Uint8Array(1024 * 1024).fill(0x20);
  deflate.push(utf8('['));
  for (let done = 0; done < inflated; done += step.length) deflate.push(step);
  deflate.push(utf8(']'), true);
  return concatBytes(...parts);
};

describe('a bundle that inflates without bound', () => {
  it('is refused as too large once past the cap, and changes nothing', async () => {
    const bko = await makeReplica('BKO');
    const seg = await makeReplica('SEG');
    await trustAll([bko, seg]);
    // 24 MB of JSON from a few dozen kilobytes: stopped by the ratio long before the cap.
    const body = bomb(24 * 1024 * 1024);
    expect(body.length).toBeLessThan((24 * 1024 * 1024) / MAX_INFLATE_RATIO);
    const keys = await seg.service.repo.keys();
    const head = utf8(
      JSON.stringify({
        format: 'passerelle-bundle',
        version: 1,
        office: 'SEG',
        key: keys.keyId,
        from: 0,
        to: 1,
        count: 0,
        createdAt: '2026-11-23T09:00:00.000Z',
        compression: 'deflate',
        bodyBytes: body.length,
      }),
    );
    const len = new Uint8Array([0, 0, head.length >> 8, head.length & 255]);
    const signed = concatBytes(BUNDLE_MAGIC, len, head, body);
    const file = concatBytes(signed, await signBytes(keys.signPrivate, signed));
    expect(await bko.service.importFile(file)).toMatchObject({
      status: 'rejected',
      reason: 'tooLarge',
    });
    expect(await pouchState(bko)).toEqual([]);
    expect(await refusals(bko)).toContain('tooLarge');
  });

  it('stops at the absolute cap too, and lets an honest body through', () => {
    expect(MAX_INFLATED_BYTES).toBeLessThanOrEqual(200 * 1024 * 1024);
    expect(() => inflateCapped(bomb(4 * 1024 * 1024), 1024 * 1024)).toThrow(/beyond/);
    expect(inflateCapped(bomb(1024 * 1024), 4 * 1024 * 1024).length).toBe(1024 * 1024 + 2);
  });
});
