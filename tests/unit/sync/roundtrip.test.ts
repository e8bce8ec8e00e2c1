import { describe, expect, it } from 'vitest';
import { makeReplica, memoryFolder, rows, trustAll } from './kit';

describe('sync through bundle files', () => {
  it('a change in one office appears in the other after a folder exchange', async () => {
    const folder = memoryFolder();
    const a = await makeReplica('BKO', { folder: async () => folder.access });
    const b = await makeReplica('SEG', { folder: async () => folder.access });
    await trustAll([a, b]);
    const org = await a.newOrganization('Association Jigiya');
    const ra = await a.service.syncNow();
    expect(ra.drained).toBe(1);
    expect(ra.folder?.sent).toBe(1);
    const rb = await b.service.syncNow();
    expect(rb.folder?.applied).toBe(1);
    expect(rb.applied).toBe(1);
    expect(await rows(b, 'organizations')).toEqual([org]);
    // Twice changes nothing.
    const again = await b.service.syncNow();
    expect(again.applied).toBe(0);
    expect([...folder.files.keys()]).toHaveLength(1);
  });
});
