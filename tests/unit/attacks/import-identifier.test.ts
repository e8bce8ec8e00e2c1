/**
 * Attack (issue 17): a crafted HSDS file tries to overwrite records another office owns (SEG's,
 * received by sync) through the import of BKO: it reuses their UUIDs as its own ids, claims
 * SEG as owner, copies SEG's external identifier, or has the user merge it into a look-alike.
 * The exchange repository checks ownership against who is signed in: SEG's records come out
 * unchanged, nothing about them enters the change log, and the refusal is counted.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceView } from '@shared/domain/directory/schema';
import { findDuplicates } from '@shared/domain/exchange/duplicates';
import { toHsdsJson } from '@shared/domain/exchange/hsdsWrite';
import { planHsds } from '@shared/domain/exchange/importFile';
import { testContext } from '@shared/domain/exchange/testing';
import { hsds1Package } from '../../fixtures/hsdsForeign';
import type { PasserelleDb } from '../../../renderer/data/db';
import { createExchangeRepository } from '../../../renderer/data/repositories/exchange';
import { writeThroughHost } from '../../../renderer/data/repositories/exchangeWriteFixture';
import { deleteTestDbs, openTestDb, testDbName } from '../../../renderer/data/testDb';

afterEach(deleteTestDbs);
const enc = (s: string) => new TextEncoder().encode(s);
const bko = () => ({ office: 'BKO', user: 'Awa' });
const ctx = (office: string) => ({ ...testContext(), office, newId: () => crypto.randomUUID() });

/** A BKO database holding SEG's directory (as sync would bring it), and a snapshot of it. */
const withSegRecords = async () => {
  const name = testDbName('import-identifier');
  const db = openTestDb(name);
  const seg = createExchangeRepository(db, () => ({ office: 'SEG', user: 'Ali' }));
  const plan = planHsds(
    [{ name: 'export.zip', bytes: hsds1Package() }],
    'hsds-package',
    ctx('SEG'),
  );
  await seg.importPlan(plan, [], new Map());
  const snapshot = async () => ({
    services: await db.services.toArray(),
    locations: await db.locations.toArray(),
    organizations: await db.organizations.toArray(),
  });
  return { db, name, before: await snapshot(), snapshot };
};

const segViews = (db: PasserelleDb) => createExchangeRepository(db, bko).existingViews();

/** The file: SEG's records as HSDS, renamed, every text replaced. */
const crafted = (views: ServiceView[], edit: (s: Record<string, unknown>) => void) => {
  const json = toHsdsJson(views, { includeRestricted: true });
  for (const s of json.contents) {
    s.name = `Pris par BKO ${String(s.name)}`;
    s.description = 'écrasé';
    edit(s as Record<string, unknown>);
  }
  return [{ name: 'piege.json', bytes: enc(JSON.stringify(json)) }];
};
const stripOffice = (s: Record<string, unknown>) => {
  const drop = (o: Record<string, unknown>) => {
    o.attributes = (o.attributes as { link_type: string }[]).filter(
      (a) => a.link_type !== 'office',
    );
  };
  drop(s);
  drop(s.organization as Record<string, unknown>);
  for (const sal of s.service_at_locations as { location: Record<string, unknown> }[])
    drop(sal.location);
};

const attack = async (edit: (s: Record<string, unknown>) => void) => {
  const { db, before, snapshot } = await withSegRecords();
  const views = await segViews(db);
  const changes = await db.changes.count();
  const plan = planHsds(crafted(views, edit), 'hsds-json', ctx('BKO'));
  expect(plan.rejectedRows).toEqual([]);
  const repo = createExchangeRepository(db, bko);
  const dups = findDuplicates(plan, await repo.existingViews());
  // The screen would offer "merge" (same ids): the user, or a script, confirms it.
  const decisions = new Map(dups.map((d) => [d.serviceId, 'merge' as const]));
  const counts = await repo.importPlan(plan, dups, decisions);
  return { db, before, after: await snapshot(), counts, changes, dups };
};

describe('an import cannot overwrite another office’s records', () => {
  it('their UUIDs as the file’s ids, SEG named as owner: refused, SEG’s records unchanged', async () => {
    const { db, before, after, counts, changes, dups } = await attack(() => {});
    expect(dups).toHaveLength(3);
    expect(dups.every((d) => d.reasons.includes('id'))).toBe(true);
    expect(counts).toEqual({ created: 0, merged: 0, skipped: 0, refused: 3 });
    expect(after).toEqual(before);
    const written = (await db.changes.toArray()).slice(changes);
    expect(written).toEqual([]);
  });

  it('the owner attribute dropped (the file claims nothing): still refused', async () => {
    const { before, after, counts } = await attack(stripOffice);
    expect(counts.refused).toBe(3);
    expect(after).toEqual(before);
  });

  it('SEG’s external identifiers copied onto new records: those are new, SEG’s untouched', async () => {
    const { db, before, counts } = await attack((s) => {
      // Ids of the attacker's own; the identifiers SEG's services carry stay in the file.
      stripOffice(s);
      s.id = `copie-${String(s.id)}`;
    });
    expect(counts.merged).toBe(0);
    expect(counts.created).toBeGreaterThanOrEqual(2);
    for (const s of before.services) expect(await db.services.get(s.id)).toEqual(s);
    for (const o of before.organizations) expect(await db.organizations.get(o.id)).toEqual(o);
    for (const l of before.locations) expect(await db.locations.get(l.id)).toEqual(l);
    const mine = (await db.services.toArray()).filter((s) => s.office === 'BKO');
    expect(mine).toHaveLength(counts.created);
    expect(mine.some((s) => s.externalIds?.some((x) => x.identifier === 'svc-2'))).toBe(true);
    expect(mine.every((s) => !before.services.some((x) => x.id === s.id))).toBe(true);
    const segLocations = new Set(before.locations.map((l) => l.id));
    expect(mine.every((s) => s.locationIds.every((id) => !segLocations.has(id)))).toBe(true);
  });

  it('a look-alike merged on purpose (same name and place): refused', async () => {
    const { db, before } = await withSegRecords();
    const views = await segViews(db);
    const json = toHsdsJson(views, { includeRestricted: true });
    // New ids everywhere, same names: found as look-alikes, not by id.
    const file = JSON.stringify(json).replace(
      /"id":"([0-9a-f-]{36})"/g,
      (_, id: string) => `"id":"autre-${id}"`,
    );
    const plan = planHsds([{ name: 'x.json', bytes: enc(file) }], 'hsds-json', ctx('BKO'));
    const repo = createExchangeRepository(db, bko);
    const dups = findDuplicates(plan, await repo.existingViews());
    expect(dups.length).toBeGreaterThan(0);
    expect(dups.every((d) => !d.reasons.includes('id'))).toBe(true);
    const merge = new Map(dups.map((d) => [d.serviceId, 'merge' as const]));
    const counts = await repo.importPlan(plan, dups, merge);
    expect(counts.refused).toBe(dups.length);
    for (const s of before.services) expect(await db.services.get(s.id)).toEqual(s);
    for (const o of before.organizations) expect(await db.organizations.get(o.id)).toEqual(o);
  });
});

describe('written by the import worker (issue 17), the same file changes nothing of SEG’s', () => {
  it('their UUIDs, SEG named as owner, merge confirmed: refused in the worker too', async () => {
    const { db, name, before, snapshot } = await withSegRecords();
    const changes = await db.changes.count();
    const plan = planHsds(
      crafted(await segViews(db), () => {}),
      'hsds-json',
      ctx('BKO'),
    );
    const dups = findDuplicates(plan, await segViews(db));
    expect(dups).toHaveLength(3);
    // The window asks for the merge; the worker decides ownership from who is signed in.
    const { last } = await writeThroughHost({ dbName: name, actor: bko(), dataKey: null }, plan, {
      duplicates: dups,
      decisions: dups.map((d) => [d.serviceId, 'merge']),
    });
    expect(last).toEqual({
      type: 'written',
      counts: { created: 0, merged: 0, skipped: 0, refused: 3 },
    });
    expect(await snapshot()).toEqual(before);
    expect((await db.changes.toArray()).slice(changes)).toEqual([]);
  });

  it('the owner attribute dropped, the look-alikes kept as new: SEG’s records untouched', async () => {
    const { db, name, before } = await withSegRecords();
    const plan = planHsds(crafted(await segViews(db), stripOffice), 'hsds-json', ctx('BKO'));
    const dups = findDuplicates(plan, await segViews(db));
    const { last } = await writeThroughHost({ dbName: name, actor: bko(), dataKey: null }, plan, {
      duplicates: dups,
      decisions: dups.map((d) => [d.serviceId, 'keep']),
    });
    expect(last.type).toBe('written');
    expect(last.type === 'written' && last.counts.merged).toBe(0);
    for (const s of before.services) expect(await db.services.get(s.id)).toEqual(s);
    for (const o of before.organizations) expect(await db.organizations.get(o.id)).toEqual(o);
    for (const l of before.locations) expect(await db.locations.get(l.id)).toEqual(l);
    // What was written is BKO's, under ids of its own.
    const segIds = new Set(before.services.map((s) => s.id));
    const mine = (await db.services.toArray()).filter((s) => !segIds.has(s.id));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s) => s.office === 'BKO')).toBe(true);
  });
});
