/**
 * Letter series per installation (issue 13): two PCs of one office announcing the same series
 * see a warning once they sync; a PC's series changes only until its first letter; the series
 * announcement table arrives with database version 9 on an existing database.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { PasserelleDb, STORES_V1 } from '../../../renderer/data/db';
import { createLetterSeriesRepository } from '../../../renderer/data/repositories/letterSeries';
import { makeReplica, trustAll, type Replica } from '../sync/kit';

const seriesOf = (r: Replica, role: 'administrator' | 'coordinator' = 'administrator') =>
  createLetterSeriesRepository(
    r.db,
    () => ({ office: r.office, user: 'Awa' }),
    () => ({
      role,
      shelterServiceIds: [],
    }),
  );

const send = async (from: Replica, to: Replica) => {
  const file = await from.service.exportFile({ all: true });
  if (file) expect(await to.service.importFile(file.bytes)).toMatchObject({ status: 'applied' });
};

describe('letter series across the PCs of one office', () => {
  it('flags two PCs announcing the same series, and clears once one changes', async () => {
    const desk1 = await makeReplica('BKO');
    const desk2 = await makeReplica('BKO');
    await trustAll([desk1, desk2]);
    const s1 = seriesOf(desk1);
    const s2 = seriesOf(desk2);
    expect((await s1.current()).code).toBe('BKO-1');
    await s1.announce();
    await s2.announce();
    await send(desk1, desk2);
    expect((await s2.clashes()).map((c) => c.series)).toEqual(['BKO-1']);

    expect(await s2.save('bko-2')).toMatchObject({ ok: true, value: { code: 'BKO-2' } });
    expect(await s2.clashes()).toEqual([]);
    await send(desk2, desk1);
    expect(await s1.clashes()).toEqual([]);
  });

  it('reads the series without writing (screens read it in live queries)', async () => {
    const desk = await makeReplica('BKO');
    const read = () =>
      desk.db.transaction('r', [desk.db.settings, desk.db.table('referralCounters')], () =>
        seriesOf(desk).current(),
      );
    expect(await read()).toMatchObject({ code: 'BKO-1', locked: false });
  });

  it('checks the code, the right, and locks the series at its first letter', async () => {
    const desk = await makeReplica('BKO');
    const series = seriesOf(desk);
    expect(await series.save('SEG-1')).toEqual({
      ok: false,
      errors: { series: 'trust.series.invalid' },
    });
    expect(await series.save('BKO 2')).toMatchObject({ ok: false });
    expect(await seriesOf(desk, 'coordinator').save('BKO-3')).toEqual({
      ok: false,
      errors: { _: 'accounts.error.notAllowed' },
    });
    expect(await series.save('BKO-ACC')).toMatchObject({ ok: true });
    await desk.db.table('referralCounters').put({ key: 'letter/BKO-ACC/2026', next: 2 });
    expect(await series.current()).toMatchObject({ code: 'BKO-ACC', locked: true });
    expect(await series.save('BKO-4')).toEqual({
      ok: false,
      errors: { series: 'trust.series.locked' },
    });
  });

  it('version 9 adds the announcements to an existing database, data kept', async () => {
    const name = `series-upgrade-${Math.random().toString(36).slice(2)}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(STORES_V1);
    await v1.open();
    await v1.table('settings').put({ key: 'kept', value: 1 });
    v1.close();
    const db = new PasserelleDb(name);
    expect(db.verno).toBeGreaterThanOrEqual(9);
    expect((await db.settings.get('kept'))?.value).toBe(1);
    const at = '2026-12-02T08:00:00.000Z';
    await db.table('seriesAnnouncements').put({
      id: crypto.randomUUID(),
      office: 'BKO',
      series: 'BKO-1',
      label: '',
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      demo: false,
    });
    expect(await db.table('seriesAnnouncements').where('series').equals('BKO-1').count()).toBe(1);
    db.close();
    await Dexie.delete(name);
  });
});
