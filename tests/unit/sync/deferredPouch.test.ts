/**
 * The window's replica is opened on first use (issue 15): nothing is loaded before, and once
 * opened it behaves as the database itself — reads, writes, one-shot and live replication with
 * a real or another deferred database.
 */
import { describe, expect, it } from 'vitest';
import { deferPouch } from '../../../renderer/data/sync/deferredPouch';
import type { Pouch } from '../../../renderer/data/sync/pouch';
import { NodePouch } from './pouchNode';

let n = 0;
const memory = (): Pouch =>
  new NodePouch(`deferred-${Date.now()}-${++n}`, { adapter: 'memory' }) as unknown as Pouch;

/** A deferred database, counting how many times it was opened. */
const counted = () => {
  const opened = { count: 0 };
  const db = deferPouch(async () => {
    opened.count++;
    return memory();
  });
  return { db, opened };
};

describe('deferPouch', () => {
  it('opens nothing until used, then opens once for concurrent calls', async () => {
    const { db, opened } = counted();
    expect(opened.count).toBe(0);
    await db.close(); // closing an unopened replica opens nothing either
    expect(opened.count).toBe(0);
    const [info] = await Promise.all([db.info(), db.allDocs({}), db.changes({ since: 0 })]);
    expect(info.doc_count).toBe(0);
    expect(opened.count).toBe(1);
  });

  it('reads back what it writes', async () => {
    const { db } = counted();
    const [put] = await db.bulkDocs([{ _id: 'org:1', name: 'Association Jigiya' }]);
    expect(put?.ok).toBe(true);
    expect((await db.get('org:1')).name).toBe('Association Jigiya');
    const got = await db.bulkGet({ docs: [{ id: 'org:1' }] });
    expect(got.results[0]?.docs[0]).toHaveProperty('ok');
  });

  it('replicates to and from a real or a deferred database', async () => {
    const { db: a } = counted();
    const { db: b } = counted();
    const real = memory();
    await a.bulkDocs([{ _id: 'x', v: 1 }]);
    await a.replicate.to(b);
    expect((await b.get('x')).v).toBe(1);
    await real.bulkDocs([{ _id: 'y', v: 2 }]);
    await b.replicate.from(real);
    expect((await b.get('y')).v).toBe(2);
  });

  it('runs a live sync whose handle reports changes and stops on cancel', async () => {
    const { db: local } = counted();
    const { db: remote } = counted();
    const changes: string[] = [];
    const handle = local
      .sync(remote, { live: true, retry: false })
      .on('change', (info) => changes.push(info.direction));
    await local.bulkDocs([{ _id: 'pushed' }]);
    await remote.bulkDocs([{ _id: 'pulled' }]);
    await expect.poll(async () => (await local.allDocs({})).rows.length).toBe(2);
    await expect.poll(async () => (await remote.allDocs({})).rows.length).toBe(2);
    await expect.poll(() => [...new Set(changes)].sort()).toEqual(['pull', 'push']);
    handle.cancel();
    await local.bulkDocs([{ _id: 'after-cancel' }]);
    await new Promise((r) => setTimeout(r, 200));
    expect((await remote.allDocs({ keys: ['after-cancel'] })).rows[0]?.error).toBe('not_found');
  });

  it('reports a replica that cannot open on the live handle, as an error', async () => {
    const broken = deferPouch(() => Promise.reject(new Error('no IndexedDB')));
    const errors: unknown[] = [];
    broken.sync(memory(), { live: true }).on('error', (e) => errors.push(e));
    await expect.poll(() => errors.length).toBe(1);
    await expect(broken.info()).rejects.toThrow('no IndexedDB');
  });
});
