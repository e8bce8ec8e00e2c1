/**
 * Attack (issue 13, item 10): a trusted partner signs a bundle whose body is a deflate bomb — a
 * few hundred kilobytes that inflate to gigabytes — to exhaust the receiving PC's memory.
 * Inflation is counted as it goes and stops at the cap; nothing of the bundle is applied.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_INFLATED_BYTES,
  MAX_INFLATE_RATIO,
  inflateCapped,
} from '../../../shared/domain/sync/bundle';
import { makeReplica, pouchState, trustAll } from '../sync/kit';
import { bomb, bundleAround, refusals } from './hostile';

describe('a bundle that inflates without bound', () => {
  it('is refused as too large once past the cap, and changes nothing', async () => {
    const bko = await makeReplica('BKO');
    const seg = await makeReplica('SEG');
    await trustAll([bko, seg]);
    // 24 MB of JSON from a few dozen kilobytes: stopped by the ratio long before the cap.
    const body = bomb(24 * 1024 * 1024);
    expect(body.length).toBeLessThan((24 * 1024 * 1024) / MAX_INFLATE_RATIO);
    const file = await bundleAround(seg, body);
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
