/**
 * Attack (issue 13, hole 1) through the app's own screens: a coordinator at SEG edits a shelter
 * that BKO owns, received by sync. The repository keeps BKO as owner, and the drain keeps the
 * edit on SEG's machine instead of sending it as SEG's or as BKO's.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDirectoryRepository } from '../../../renderer/data/repositories/directory';
import { makeReplica, pouchState, trustAll } from '../sync/kit';

describe('editing another office’s record here', () => {
  it('keeps its owner, and is never sent', async () => {
    const bko = await makeReplica('BKO');
    const seg = await makeReplica('SEG');
    await trustAll([bko, seg]);
    const bkoDirectory = createDirectoryRepository(bko.db, () => ({ office: 'BKO', user: 'Awa' }));
    const made = await bkoDirectory.create({
      organizationName: 'Association Jigiya',
      name: 'Foyer Jigiya',
      category: 'shelter',
      adminAreaCode: 'ML-BKO',
    });
    if (!made.ok) throw new Error('not created');
    await seg.service.importFile((await bko.service.exportFile())!.bytes);
    const segDirectory = createDirectoryRepository(seg.db, () => ({ office: 'SEG', user: 'Ali' }));
    const edited = await segDirectory.update(made.value.id, {
      organizationName: 'Association Jigiya',
      name: 'Foyer Jigiya (repris par SEG)',
      category: 'shelter',
      adminAreaCode: 'ML-BKO',
    });
    expect(edited).toMatchObject({ ok: true, value: { office: 'BKO' } });
    expect((await seg.db.services.get(made.value.id))?.office).toBe('BKO');
    const report = await seg.service.syncNow();
    expect(report.notOwned).toBeGreaterThan(0);
    const authors = (await pouchState(seg)).map(
      (d) => (d.doc?.author as { office: string }).office,
    );
    expect(authors).not.toContain('SEG');
  });
});
