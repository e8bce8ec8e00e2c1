import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { findDuplicates } from '@shared/domain/exchange/duplicates';
import { toHsdsJson } from '@shared/domain/exchange/hsdsWrite';
import { planFlat, planHsds, previewFlat, readFlat } from '@shared/domain/exchange/importFile';
import {
  byId,
  demoViews,
  generateCsv,
  recordsOf,
  testContext,
} from '@shared/domain/exchange/testing';
import { STORES_V1 } from '../db';
import { deleteTestDbs, openTestDb, testDbName } from '../testDb';
import { createDirectoryRepository } from './directory';
import { createExchangeRepository } from './exchange';
import { changedIds } from '../changes';

const open = (name = testDbName('exchange-test')) => openTestDb(name);
afterEach(deleteTestDbs);
const actor = () => ({ office: 'BKO', user: 'Awa' });
const enc = (s: string) => new TextEncoder().encode(s);
const noSheet = () => Promise.reject(new Error('unused'));

describe('exchange repository', () => {
  it('a v1 database with data opens through the current schema, data intact, history table usable', async () => {
    const name = testDbName('exchange-upgrade');
    const v1 = new Dexie(name);
    v1.version(1).stores(STORES_V1);
    const { services, locations, organizations } = recordsOf(demoViews().slice(0, 3));
    await v1.table('services').bulkPut(services);
    await v1.table('locations').bulkPut(locations);
    await v1.table('organizations').bulkPut(organizations);
    await v1.table('settings').put({ key: 'office', value: { officeCode: 'BKO' } });
    v1.close();
    const db = open(name);
    expect(await db.services.count()).toBe(3);
    expect(byId(await db.services.toArray())).toEqual(services);
    const repo = createExchangeRepository(db, actor);
    await repo.record('export', { format: 'csv', rows: 3 });
    expect((await repo.listRuns()).map((r) => r.kind)).toEqual(['export']);
    expect(await db.settings.get('office')).toEqual({
      key: 'office',
      value: { officeCode: 'BKO' },
    });
  });

  it('round trip: directory → HSDS JSON → import into an empty database gives the same records', async () => {
    const views = demoViews();
    const db = open();
    const repo = createExchangeRepository(db, actor);
    const file = enc(JSON.stringify(toHsdsJson(views, { includeRestricted: true })));
    const plan = planHsds([{ name: 'annuaire.json', bytes: file }], 'hsds-json', testContext());
    expect(await repo.importPlan(plan, [], new Map())).toEqual({
      created: views.length,
      merged: 0,
      skipped: 0,
      refused: 0,
    });
    const want = recordsOf(views);
    expect(byId(await db.services.toArray())).toEqual(want.services);
    expect(byId(await db.locations.toArray())).toEqual(want.locations);
    expect(byId(await db.organizations.toArray())).toEqual(want.organizations);
    const listed = await createDirectoryRepository(db, actor).listViews();
    expect(listed.length).toBe(views.length);
  });

  it('50k rows, 1 % bad: nothing written until confirmed, then exactly the valid rows, journalled', async () => {
    const db = open();
    const repo = createExchangeRepository(db, actor);
    const { csv, bad } = generateCsv(50_000, 100);
    const table = await readFlat(
      { name: 'big.csv', bytes: enc(csv) },
      'csv',
      { encoding: 'auto' },
      noSheet,
    );
    const plan = planFlat(table, 'big.csv', 'csv', previewFlat(table).suggested, testContext());
    expect(plan.rejectedRows).toEqual(bad);
    // Validated and reported: still nothing in the database.
    expect(await db.services.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
    const dups = findDuplicates(plan, await repo.existingViews());
    expect(dups).toEqual([]);
    const counts = await repo.importPlan(plan, dups, new Map());
    expect(counts).toEqual({ created: 49_500, merged: 0, skipped: 0, refused: 0 });
    expect(await db.services.count()).toBe(49_500);
    expect(await db.locations.count()).toBe(49_500);
    const stored = new Set(await db.services.toCollection().primaryKeys());
    expect(plan.services.every((s) => stored.has(s.id))).toBe(true);
    const records = 49_500 * 2 + plan.organizations.length;
    // Every record in the outbox once, in one row per table and batch, not one row per record.
    const outbox = await db.changes.toArray();
    const named = outbox.flatMap((c) => changedIds(c).map((id) => `${c.table}/${id}`));
    expect(named).toHaveLength(records);
    expect(new Set(named).size).toBe(records);
    expect(outbox.length).toBeLessThan(records / 100);
    // One audit entry for the import run (it names the file), the change log lists every record.
    const run = await repo.lastRun('import');
    const audited = await db.audit.where('action').equals('exchange.import').toArray();
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actor: 'Awa', table: 'exchangeRuns', recordId: run?.id });
    expect(audited[0]!.detail).toContain('big.csv');
    expect(run?.detail).toMatchObject({
      file: 'big.csv',
      created: 49_500,
      rejected: 500,
    });
  }, 180_000);

  it('likely duplicates: merge updates the existing record, keep both adds, skip leaves it', async () => {
    const db = open();
    const repo = createExchangeRepository(db, actor);
    const csv = (name: string, phone: string) =>
      enc(`Organisation;Nom;Région;Ville;Téléphone\nONG A;${name};Ségou;Markala;${phone}\n`);
    const plan = async (bytes: Uint8Array) => {
      const t = await readFlat({ name: 'x.csv', bytes }, 'csv', { encoding: 'auto' }, noSheet);
      return planFlat(t, 'x.csv', 'csv', previewFlat(t).suggested, {
        ...testContext(),
        newId: () => crypto.randomUUID(),
      });
    };
    await repo.importPlan(await plan(csv('Refuge Espoir', '+223 76 00 11 22')), [], new Map());
    const [original] = await db.services.toArray();

    const again = await plan(csv('REFUGE ESPOIR', '76 00 11 22'));
    const dups = findDuplicates(again, await repo.existingViews());
    expect(dups).toEqual([
      expect.objectContaining({ existingId: original!.id, reasons: ['nameLocality', 'phone'] }),
    ]);
    const sid = again.services[0]!.id;
    expect(await repo.importPlan(again, dups, new Map([[sid, 'skip']]))).toMatchObject({
      skipped: 1,
    });
    expect(await db.services.count()).toBe(1);
    expect(await repo.importPlan(again, dups, new Map([[sid, 'merge']]))).toMatchObject({
      merged: 1,
    });
    const merged = (await db.services.toArray())[0]!;
    expect(merged.id).toBe(original!.id);
    expect(merged.name).toBe('REFUGE ESPOIR');
    expect(merged.phones).toHaveLength(1);
    expect(await repo.importPlan(again, dups, new Map([[sid, 'keep']]))).toMatchObject({
      created: 1,
    });
    expect(await db.services.count()).toBe(2);
    // The organisation of the same name is reused, not duplicated.
    expect(await db.organizations.count()).toBe(1);
  });

  it('remembers a column mapping per header layout, keeping only known fields', async () => {
    const repo = createExchangeRepository(open(), actor);
    await repo.saveMapping('abc', { name: 2, organization: 0 });
    expect(await repo.getMapping('abc')).toEqual({ name: 2, organization: 0 });
    expect(await repo.getMapping('other')).toBeUndefined();
  });

  it('remembers survey choices per layout; a crafted stored value counts as none', async () => {
    const db = open();
    const repo = createExchangeRepository(db, actor);
    await repo.saveSurveyChoices('kobo', { exploitationTypes: { garimpo: ['ForcedLabour'] } });
    expect(await repo.getSurveyChoices('kobo')).toEqual({
      exploitationTypes: { garimpo: ['ForcedLabour'] },
    });
    expect(await repo.getSurveyChoices('other')).toEqual({});
    await expect(
      repo.saveSurveyChoices('kobo', { gender: { mulher: ['Martian'] } }),
    ).rejects.toThrow();
    for (const crafted of [
      JSON.parse('{"gender":{"__proto__":["Feminine"]}}'),
      { gender: { mulher: ['Feminine', 'Masculine'] } },
      { exploitationTypes: { garimpo: ['Piracy'] } },
      { category: { garimpo: ['shelter'] } },
      'ForcedLabour',
    ]) {
      await db.settings.put({ key: 'exchange.surveyChoices.kobo', value: crafted });
      expect(await repo.getSurveyChoices('kobo')).toEqual({});
    }
  });
});
